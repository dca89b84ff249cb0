import { data } from 'react-router';
import type { Route } from './+types/certificate';
import { isUuid } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { requestLanguage } from '../../http/language.server';
import { requirePortalEmail } from '../../http/portal.server';
import { entryCertificatePdf } from '../../../server/certificates/certificates';

/** A participant's own certificate; anyone else's entry does not exist for them. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const email = await requirePortalEmail(request, context);
  if (!isUuid(params.entryId)) throw data(null, { status: 404 });
  const ctx = { db: context.app.db, clock: context.app.clock };
  const certificate = await entryCertificatePdf(ctx, params.entryId.toLowerCase(), await requestLanguage(request), baseUrl(context), email);
  if (!certificate) throw data(null, { status: 404 });
  return new Response(Buffer.from(certificate.pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="todistus-${certificate.entry.completedOn}.pdf"`, 'Cache-Control': 'private, no-store' },
  });
}
