import { eq } from 'drizzle-orm';
import { paymentBatches, payments } from '../db/schema';
import type { Queryable } from '../db/types';

/** The batch of a report's payment (paying it or paid), or null while the report waits for one. */
export async function batchOfPayment(db: Queryable, paymentId: string | null) {
  if (!paymentId) return null;
  const [row] = await db
    .select({ reference: paymentBatches.reference, status: paymentBatches.status, paidOn: paymentBatches.paidOn })
    .from(payments)
    .innerJoin(paymentBatches, eq(paymentBatches.id, payments.batchId))
    .where(eq(payments.id, paymentId));
  return row ?? null;
}
