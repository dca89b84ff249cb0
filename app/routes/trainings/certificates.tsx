import { data } from 'react-router';
import type { Route } from './+types/certificates';
import { baseUrl } from '../../http/base-url.server';
import { requestLanguage } from '../../http/language.server';
import { requirePlan } from '../../http/training.server';
import { writeAudit } from '../../../server/access/audit';
import { trainingCertificatesPdf } from '../../../server/certificates/certificates';

/** All certificates of a training in one PDF, a page each, to print. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx, organisationId, plan } = await requirePlan(request, context, 'certificate.print', params);
  const printed = await trainingCertificatesPdf(ctx, plan.id, await requestLanguage(request, ctx.actor.language), baseUrl(context));
  if (!printed) throw data(null, { status: 404 });
  await writeAudit(ctx.db, ctx.clock, { action: 'certificate.printed', actorUserId: ctx.actor.userId, targetType: 'training', targetId: plan.id, organisationId, details: { count: printed.count } });
  return new Response(Buffer.from(printed.pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="todistukset-${plan.id.slice(0, 8)}.pdf"`, 'Cache-Control': 'private, no-store' },
  });
}
