import { and, desc, eq, exists, ne, sql } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { expenseReports, paymentBatches, paymentReports, payments } from '../db/schema';

/**
 * The organisation's payments, not cancelled, that pay reports of the year (a payment may pay
 * several years' reports): each with its batch, for the specification links of the support page.
 */
export async function organisationPayments(ctx: ActorContext, organisationId: string, year: number) {
  return ctx.db
    .select({
      id: payments.id,
      amountCents: payments.amountCents,
      reportCount: payments.reportCount,
      reference: paymentBatches.reference,
      status: paymentBatches.status,
      executionDate: paymentBatches.executionDate,
      paidOn: paymentBatches.paidOn,
    })
    .from(payments)
    .innerJoin(paymentBatches, eq(paymentBatches.id, payments.batchId))
    .where(
      and(
        eq(payments.organisationId, organisationId),
        ne(paymentBatches.status, 'cancelled'),
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(paymentReports)
            .innerJoin(expenseReports, eq(expenseReports.id, paymentReports.reportId))
            .where(and(eq(paymentReports.paymentId, payments.id), eq(expenseReports.year, year))),
        ),
      ),
    )
    .orderBy(desc(paymentBatches.createdAt));
}
