import { data } from 'react-router';
import type { Route } from './+types/batch-file';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { recordBatchExport } from '../../../server/payments/batches';
import { getPaymentBatch } from '../../../server/payments/lists';
import { renderPain001 } from '../../../server/payments/pain001';

/** The batch's ISO 20022 pain.001.001.03 file for the bank (not for a cancelled batch); every download is audited. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'paymentBatch.manage');
  const batch = await getPaymentBatch(ctx, requireUuid(params.batchId));
  if (!batch) throw data(null, { status: 404 });
  if (batch.status === 'cancelled') throw data(null, { status: 409 });
  const xml = renderPain001({
    messageId: `TUKI-${batch.reference}`,
    createdAt: batch.createdAt,
    executionDate: batch.executionDate,
    debtor: { name: batch.debtorName, iban: batch.debtorIban, bic: batch.debtorBic },
    transfers: batch.payments,
  });
  await recordBatchExport(ctx, batch.id, batch.reference);
  return new Response(xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': `attachment; filename="maksuaineisto-${batch.reference}.xml"`, 'Cache-Control': 'private, no-store' },
  });
}
