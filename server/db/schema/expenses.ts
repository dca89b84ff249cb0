import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigserial, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { expenseReportEventKinds, expenseReportStatuses } from '../../expenses/kinds';
import type { ReportContent, SupportBreakdown } from '../../expenses/support';
import { users } from './access';
import { organisations } from './organisations';
import { payments } from './payments';
import { trainings } from './trainings';

export const expenseReportStatus = pgEnum('expense_report_status', expenseReportStatuses);

/**
 * A training's expense report (one per training, never deleted): the figures being written
 * (`content`) and, once submitted, the support of the latest version. Each submission is kept as
 * a version; staff approve, return or reject the latest.
 */
export const expenseReports = pgTable(
  'expense_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trainingId: uuid('training_id')
      .notNull()
      .unique()
      .references(() => trainings.id),
    /** The training's organisation and year, so that lists filter without a join. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    status: expenseReportStatus('status').notNull().default('draft'),
    /** What the trainer has written so far (the draft, or the latest version while it is reviewed). */
    content: jsonb('content').$type<ReportContent>().notNull(),
    /** The latest submitted version's number (0 before the first submission). */
    version: integer('version').notNull().default(0),
    /** Realised teaching hours and support of the latest submitted version. */
    realisedHundredths: integer('realised_hundredths').notNull().default(0),
    supportCents: integer('support_cents').notNull().default(0),
    /** Picked for audit (decided at the first submission by the year's seed and the report's id). */
    audit: boolean('audit').notNull().default(false),
    /** Submitted first after the due date (4 weeks after the last session): late, still accepted. */
    late: boolean('late').notNull().default(false),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Staff allowed this report after the January deadline. */
    latePermittedAt: timestamp('late_permitted_at', { withTimezone: true }),
    latePermittedBy: uuid('late_permitted_by').references(() => users.id),
    /** Staff checked the receipts of an audited report (cleared when a new version is submitted). */
    receiptsCheckedAt: timestamp('receipts_checked_at', { withTimezone: true }),
    receiptsCheckedBy: uuid('receipts_checked_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    /** The payment that pays (or paid) the approved support; null while it waits for a batch (or after a cancelled one). */
    paymentId: uuid('payment_id').references((): AnyPgColumn => payments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // What the next payment batch takes: few rows, whatever the years of paid history.
    index('expense_reports_unpaid_idx').on(t.organisationId).where(sql`${t.status} = 'approved' AND ${t.supportCents} > 0 AND ${t.paymentId} IS NULL`),
    index('expense_reports_organisation_idx').on(t.organisationId, t.year, t.status),
    // The queue by status and year, oldest submission first (waiting reports are few, so without a year they sort cheaply).
    index('expense_reports_queue_idx').on(t.status, t.year, t.submittedAt),
    check('expense_reports_non_negative', sql`${t.supportCents} >= 0 AND ${t.realisedHundredths} >= 0 AND ${t.version} >= 0`),
  ],
);

/** Every submitted version as it was sent, with its calculation, so that versions can be compared. */
export const expenseReportVersions = pgTable(
  'expense_report_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => expenseReports.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<ReportContent>().notNull(),
    breakdown: jsonb('breakdown').$type<SupportBreakdown>().notNull(),
    attendedAdults: integer('attended_adults').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
  },
  (t) => [uniqueIndex('expense_report_versions_number').on(t.reportId, t.version)],
);

export const expenseReportEventKind = pgEnum('expense_report_event_kind', expenseReportEventKinds);

/** The report's history: submissions, staff decisions with their comments, receipts checked, late permission. */
export const expenseReportEvents = pgTable(
  'expense_report_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => expenseReports.id),
    kind: expenseReportEventKind('kind').notNull(),
    version: integer('version').notNull(),
    comment: text('comment').notNull().default(''),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('expense_report_events_report_idx').on(t.reportId, t.id)],
);

/** A receipt attached to a report: PDF, PNG or JPEG, checked by content, stored as base64. */
export const expenseReceipts = pgTable(
  'expense_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => expenseReports.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: text('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('expense_receipts_report_idx').on(t.reportId)],
);

/** The secret per year that picks reports for audit; made on first need, never shown. */
export const expenseAuditSeeds = pgTable('expense_audit_seeds', {
  year: integer('year').primaryKey(),
  seed: text('seed').notNull(),
});

/** The day unreported trainings' reservations were released after the January deadline. */
export const reservationReleases = pgTable(
  'reservation_releases',
  {
    trainingId: uuid('training_id')
      .primaryKey()
      .references(() => trainings.id),
    releasedOn: date('released_on').notNull(),
  },
  (t) => [index('reservation_releases_on_idx').on(t.releasedOn)],
);
