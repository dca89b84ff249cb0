import { data } from 'react-router';
import type { Route } from './+types/decision-pdf';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { requestLanguage } from '../../http/language.server';
import { can } from '../../../server/access/permissions';
import { getCentreSettings } from '../../../server/centre/settings';
import { getDecisionById } from '../../../server/hours/decisions';
import { renderDecisionPdf } from '../../../server/hours/decision-pdf';
import { getOrganisation } from '../../../server/organisations/get-organisation';

/** The printable decision: for staff always (drafts as previews), for the organisation's admins once published. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'hours.readDecision');
  const decision = await getDecisionById(ctx.db, requireUuid(params.decisionId));
  const asStaff = can(ctx.actor, 'hours.decide');
  if (!decision || !can(ctx.actor, 'hours.readDecision', { organisationId: decision.organisationId }) || (!asStaff && decision.status !== 'published')) {
    throw data(null, { status: 404 });
  }
  const [centre, organisation] = await Promise.all([getCentreSettings(ctx), getOrganisation(ctx, decision.organisationId)]);
  const pdf = await renderDecisionPdf(decision, {
    language: await requestLanguage(request, ctx.actor.language),
    centreName: centre?.name ?? '',
    organisationName: organisation?.name ?? '',
    businessId: organisation?.businessId ?? '',
  });
  return new Response(Buffer.from(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="tuntipaatos-${decision.year}.pdf"`, 'Cache-Control': 'private, no-store' },
  });
}
