import { type SQL, and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { scopeCondition } from '../access/permissions';
import type { ActorContext } from '../context';
import { expenseReports, organisations, paymentBatches, payments, trainings, units } from '../db/schema';
import { pageOffset, pageSize, toPage } from '../pagination';
import { endedStatuses } from '../trainings/kinds';
import { type ExpenseReportStatus, isEditableReport } from './kinds';

export interface ReviewFilters {
  status: ExpenseReportStatus;
  organisationId: string | null;
  year: number | null;
  /** Only late reports, or only those picked for audit. */
  late: boolean;
  audit: boolean;
  page: number;
}

/** Staff's queue: reports by status (default: waiting for review), oldest submission first. */
export async function listReportsForReview(ctx: ActorContext, filters: ReviewFilters) {
  const where = and(
    scopeCondition(ctx.actor, 'expenseReport.review', { organisationId: expenseReports.organisationId }),
    eq(expenseReports.status, filters.status),
    filters.organisationId ? eq(expenseReports.organisationId, filters.organisationId) : undefined,
    filters.year !== null ? eq(expenseReports.year, filters.year) : undefined,
    filters.late ? eq(expenseReports.late, true) : undefined,
    filters.audit ? eq(expenseReports.audit, true) : undefined,
  );
  const [rows, [total], [sums]] = await Promise.all([
    ctx.db
      .select({
        trainingId: expenseReports.trainingId,
        organisationId: expenseReports.organisationId,
        organisationName: organisations.name,
        trainingName: trainings.name,
        endsOn: trainings.endsOn,
        version: expenseReports.version,
        submittedAt: expenseReports.submittedAt,
        late: expenseReports.late,
        audit: expenseReports.audit,
        receiptsChecked: sql<boolean>`${expenseReports.receiptsCheckedAt} is not null`,
        realisedHundredths: expenseReports.realisedHundredths,
        supportCents: expenseReports.supportCents,
      })
      .from(expenseReports)
      .innerJoin(trainings, eq(trainings.id, expenseReports.trainingId))
      .innerJoin(organisations, eq(organisations.id, expenseReports.organisationId))
      .where(where)
      .orderBy(sql`${expenseReports.submittedAt} asc nulls last`, asc(expenseReports.id))
      .limit(pageSize)
      .offset(pageOffset(filters.page)),
    ctx.db.select({ n: count() }).from(expenseReports).where(where),
    ctx.db.select({ support: sql<number>`coalesce(sum(${expenseReports.supportCents}), 0)`.mapWith(Number) }).from(expenseReports).where(where),
  ]);
  return { ...toPage(rows, total?.n ?? 0, filters.page), supportCents: sums?.support ?? 0 };
}

/**
 * An organisation's trainings of a year that have reached reporting, with their reports' support:
 * reported (waiting for review), approved, in a payment batch and paid, per training and in total.
 * A coordinator sees the trainings of their units' subtree only (filtered in SQL).
 */
export async function supportOverview(ctx: ActorContext, organisationId: string, year: number) {
  const scope: SQL = scopeCondition(ctx.actor, 'support.view', { organisationId: trainings.organisationId, unitPath: units.path });
  const rows = await ctx.db
    .select({
      trainingId: trainings.id,
      name: trainings.name,
      unitName: units.name,
      endsOn: trainings.endsOn,
      reportStatus: expenseReports.status,
      late: expenseReports.late,
      realisedHundredths: expenseReports.realisedHundredths,
      supportCents: expenseReports.supportCents,
      batchReference: paymentBatches.reference,
      batchStatus: paymentBatches.status,
      paidOn: paymentBatches.paidOn,
    })
    .from(trainings)
    .innerJoin(units, eq(units.id, trainings.unitId))
    .leftJoin(expenseReports, eq(expenseReports.trainingId, trainings.id))
    .leftJoin(payments, eq(payments.id, expenseReports.paymentId))
    .leftJoin(paymentBatches, eq(paymentBatches.id, payments.batchId))
    .where(and(scope, eq(trainings.organisationId, organisationId), eq(trainings.year, year), inArray(trainings.status, endedStatuses)))
    .orderBy(sql`${trainings.endsOn} asc nulls last`, asc(trainings.name), asc(trainings.id));
  const support = (matching: typeof rows) => matching.reduce((sum, r) => sum + (r.supportCents ?? 0), 0);
  const reported = rows.filter((r) => r.reportStatus === 'submitted');
  const approved = rows.filter((r) => r.reportStatus === 'approved');
  const inBatch = approved.filter((r) => r.batchStatus === 'created');
  const paid = approved.filter((r) => r.batchStatus === 'paid');
  return {
    rows,
    totals: {
      reportedCents: support(reported),
      approvedCents: support(approved),
      inBatchCents: support(inBatch),
      paidCents: support(paid),
      reported: reported.length,
      approved: approved.length,
      inBatch: inBatch.length,
      paid: paid.length,
      unreported: rows.filter((r) => isEditableReport(r.reportStatus)).length,
    },
  };
}
