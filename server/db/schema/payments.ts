import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { paymentBatchStatuses } from '../../payments/kinds';
import { users } from './access';
import { expenseReports } from './expenses';
import { organisations } from './organisations';
import { trainings } from './trainings';

export const paymentBatchStatus = pgEnum('payment_batch_status', paymentBatchStatuses);

/**
 * A batch of support payments (one SEPA credit-transfer file): the centre's account as it was when
 * the batch was created, so that the file downloaded later is the same file.
 */
export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** "2027-003": the year it was created and its number in that year; never reused, even when cancelled. */
    reference: text('reference').notNull().unique(),
    status: paymentBatchStatus('status').notNull().default('created'),
    executionDate: date('execution_date').notNull(),
    debtorName: text('debtor_name').notNull(),
    debtorIban: text('debtor_iban').notNull(),
    debtorBic: text('debtor_bic').notNull(),
    paymentCount: integer('payment_count').notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    exportCount: integer('export_count').notNull().default(0),
    lastExportedAt: timestamp('last_exported_at', { withTimezone: true }),
    /** The day the bank paid it, as staff recorded it. */
    paidOn: date('paid_on'),
    markedPaidBy: uuid('marked_paid_by').references(() => users.id),
    markedPaidAt: timestamp('marked_paid_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason').notNull().default(''),
  },
  (t) => [index('payment_batches_created_idx').on(t.createdAt), check('payment_batches_totals', sql`${t.totalCents} > 0 AND ${t.paymentCount} > 0`)],
);

/** One credit transfer of a batch: an organisation's approved support, summed, to its account. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => paymentBatches.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    creditorName: text('creditor_name').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    reportCount: integer('report_count').notNull(),
    /** The transfer's end-to-end id (≤ 35 characters) and the remittance text (≤ 140) the organisation sees. */
    endToEndId: text('end_to_end_id').notNull(),
    remittanceInfo: text('remittance_info').notNull(),
  },
  (t) => [
    uniqueIndex('payments_batch_organisation').on(t.batchId, t.organisationId),
    index('payments_organisation_idx').on(t.organisationId),
    check('payments_amount', sql`${t.amountCents} > 0 AND char_length(${t.remittanceInfo}) <= 140 AND char_length(${t.endToEndId}) <= 35`),
  ],
);

/**
 * The reports a payment pays, with the support as it was put in the batch. A cancelled batch's
 * rows stay as history but are no longer active; a report is in at most one active row, so it
 * cannot be paid twice.
 */
export const paymentReports = pgTable(
  'payment_reports',
  {
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    reportId: uuid('report_id')
      .notNull()
      .references(() => expenseReports.id),
    trainingId: uuid('training_id')
      .notNull()
      .references(() => trainings.id),
    amountCents: integer('amount_cents').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.paymentId, t.reportId] }),
    uniqueIndex('payment_reports_active_report').on(t.reportId).where(sql`${t.active}`),
    index('payment_reports_training_idx').on(t.trainingId),
  ],
);
