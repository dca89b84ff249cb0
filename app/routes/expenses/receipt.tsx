import { data } from 'react-router';
import type { Route } from './+types/receipt';
import { requireUuid } from '../../http/authorize.server';
import { requirePlan } from '../../http/training.server';
import { readReceipt } from '../../../server/expenses/receipts';

/** A receipt of the report, to whoever may read the report; served as a download, never rendered in the app's origin. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx, plan } = await requirePlan(request, context, 'expenseReport.read', params);
  const receipt = await readReceipt(ctx.db, plan.id, requireUuid(params.receiptId));
  if (!receipt) throw data(null, { status: 404 });
  return new Response(receipt.bytes, {
    headers: {
      'Content-Type': receipt.mimeType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(receipt.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
