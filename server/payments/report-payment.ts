import { and, eq } from 'drizzle-orm';
import { paymentBatches, paymentReports, payments } from '../db/schema';
import type { Queryable } from '../db/types';

/** The batch that pays (or paid) a report, or null while the report waits for one. */
export async function activePaymentOf(db: Queryable, reportId: string) {
  const [row] = await db
    .select({ reference: paymentBatches.reference, status: paymentBatches.status, paidOn: paymentBatches.paidOn })
    .from(paymentReports)
    .innerJoin(payments, eq(payments.id, paymentReports.paymentId))
    .innerJoin(paymentBatches, eq(paymentBatches.id, payments.batchId))
    .where(and(eq(paymentReports.reportId, reportId), eq(paymentReports.active, true)));
  return row ?? null;
}
