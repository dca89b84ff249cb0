import { data } from 'react-router';
import type { Route } from './+types/pdf';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { getSession } from '../../http/session.server';
import { can } from '../../../server/access/permissions';
import { applicationPdf, getApplication } from '../../../server/admin-applications/applications';

/** The application's PDF for its applicant (as reviewed, or as signed) and for centre staff. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const session = await getSession(request, context);
  const asStaff = session ? can(session.actor, 'adminApplication.review') : false;
  const ctx = await requirePermission(request, context, asStaff ? 'adminApplication.review' : 'adminApplication.apply');
  const applicationId = requireUuid(params.applicationId);
  if (!(await getApplication(ctx, applicationId, { asStaff }))) throw data(null, { status: 404 });
  const pdf = await applicationPdf(ctx, applicationId);
  if (!pdf) throw data(null, { status: 404 });
  return new Response(Buffer.from(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline; filename="paakayttajahakemus.pdf"', 'Cache-Control': 'private, no-store' },
  });
}
