import { data } from 'react-router';
import type { Route } from './+types/specification';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { requestLanguage } from '../../http/language.server';
import { specificationFormats } from '../../../server/payments/kinds';
import { paymentSpecification } from '../../../server/payments/specification';
import { specificationFile } from '../../../server/payments/specification-file';

/** A payment's specification (PDF or CSV) for the organisation's admins and staff, in the reader's language. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'paymentSpecification.read', { organisationId });
  const format = specificationFormats.find((f) => f === params.format);
  if (!format) throw data(null, { status: 404 });
  const spec = await paymentSpecification(ctx, organisationId, requireUuid(params.paymentId));
  if (!spec) throw data(null, { status: 404 });
  const file = await specificationFile(spec, format, await requestLanguage(request, ctx.actor.language), ctx.clock.now());
  return new Response(Buffer.from(file.content), {
    headers: { 'Content-Type': file.contentType, 'Content-Disposition': `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${file.filename}"`, 'Cache-Control': 'private, no-store' },
  });
}
