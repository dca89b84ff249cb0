import { alias } from 'drizzle-orm/pg-core';
import { asc, count, desc, eq } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { paymentBatches, payments, users } from '../db/schema';
import { pageOffset, pageSize, toPage } from '../pagination';
import type { PaymentBatchStatus } from './kinds';

/** Staff's list of batches, newest first, optionally of one status. */
export async function listPaymentBatches(ctx: ActorContext, filters: { status: PaymentBatchStatus | null; page: number }) {
  const where = filters.status ? eq(paymentBatches.status, filters.status) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: paymentBatches.id,
        reference: paymentBatches.reference,
        status: paymentBatches.status,
        createdAt: paymentBatches.createdAt,
        executionDate: paymentBatches.executionDate,
        paidOn: paymentBatches.paidOn,
        paymentCount: paymentBatches.paymentCount,
        totalCents: paymentBatches.totalCents,
      })
      .from(paymentBatches)
      .where(where)
      .orderBy(desc(paymentBatches.createdAt), desc(paymentBatches.reference))
      .limit(pageSize)
      .offset(pageOffset(filters.page)),
    ctx.db.select({ n: count() }).from(paymentBatches).where(where),
  ]);
  return toPage(rows, total?.n ?? 0, filters.page);
}

const creator = alias(users, 'creator');
const payer = alias(users, 'payer');
const canceller = alias(users, 'canceller');

/** A batch with who took each step, and its payments by organisation. */
export async function getPaymentBatch(ctx: ActorContext, batchId: string) {
  const [batch] = await ctx.db
    .select({ batch: paymentBatches, createdByName: creator.name, markedPaidByName: payer.name, cancelledByName: canceller.name })
    .from(paymentBatches)
    .leftJoin(creator, eq(creator.id, paymentBatches.createdBy))
    .leftJoin(payer, eq(payer.id, paymentBatches.markedPaidBy))
    .leftJoin(canceller, eq(canceller.id, paymentBatches.cancelledBy))
    .where(eq(paymentBatches.id, batchId));
  if (!batch) return null;
  const rows = await ctx.db.select().from(payments).where(eq(payments.batchId, batchId)).orderBy(asc(payments.creditorName), asc(payments.id));
  return { ...batch.batch, createdByName: batch.createdByName, markedPaidByName: batch.markedPaidByName, cancelledByName: batch.cancelledByName, payments: rows };
}

