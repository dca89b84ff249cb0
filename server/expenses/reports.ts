import { asc, count, desc, eq } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { helsinkiDate } from '../calendar/dates';
import { expenseReportDeadline } from '../calendar/windows';
import { type SupportRules, supportRulesFor } from '../centre/support-rules';
import type { ActorContext, DomainContext, WriteContext } from '../context';
import { expenseReceipts, expenseReportEvents, expenseReportVersions, expenseReports, trainings, users } from '../db/schema';
import type { Queryable } from '../db/types';
import { attendanceSummary } from '../trainings/attendance';
import { lockTraining } from '../trainings/locked-training';
import { planSessions } from '../trainings/plans';
import { type SessionTimes, teachingHundredths } from '../trainings/teaching-hours';
import { auditSeedFor, isPickedForAudit } from './audit-pick';
import { type ReportDeadlines, deadlineStanding, reportDueOn } from './deadlines';
import { checkRealisedEligibility } from './eligibility';
import { type ExpenseReportStatus, isEditableReport } from './kinds';
import { type ReportContent, type SupportRates, calculateSupport } from './support';

export type ExpenseReportRow = typeof expenseReports.$inferSelect;

/** The year's rate for the training's type (peer study groups have their own) and the cost cap. */
export const ratesFor = (rules: SupportRules, type: string): SupportRates => ({
  hourlyRateCents: type === 'peerGroup' ? rules.peerGroupRateCents : rules.hourlyRateCents,
  costCapBasisPoints: rules.costCapBasisPoints,
});

/** A report's calculation from its content. */
export const supportOf = (rules: SupportRules, type: string, content: ReportContent) =>
  calculateSupport(ratesFor(rules, type), teachingHundredths(content.sessions), content.costs, content.otherFundingCents);

/** What an empty report starts from: the planned sessions as held, no costs or income. */
export function initialContent(planned: SessionTimes[]): ReportContent {
  const sessions = planned.map(({ date, start, end, breakMinutes }) => ({ date, start, end, breakMinutes }));
  return { sessions, costs: [], participantFeesCents: 0, otherFundingCents: 0, otherFundingSource: '', marketingDeclaration: false, notes: '' };
}

export async function reportOfTraining(db: Queryable, trainingId: string): Promise<ExpenseReportRow | null> {
  const [row] = await db.select().from(expenseReports).where(eq(expenseReports.trainingId, trainingId));
  return row ?? null;
}

export async function deadlinesFor(db: Queryable, training: { year: number; endsOn: string | null }): Promise<ReportDeadlines> {
  const finalOn = await expenseReportDeadline(db, training.year);
  return { dueOn: training.endsOn ? reportDueOn(training.endsOn, finalOn) : finalOn, finalOn };
}

/** Everything the report page shows: the report (or what a new one starts from), its calculation, deadlines and history. */
export async function expenseReportPage(ctx: DomainContext, training: { id: string; year: number; type: string; endsOn: string | null; sessions: SessionTimes[] }) {
  const report = await reportOfTraining(ctx.db, training.id);
  const [content, rules, attendance, deadlines, receipts, events, versions] = await Promise.all([
    report ? report.content : initialContent(training.sessions),
    supportRulesFor(ctx, training.year),
    attendanceSummary(ctx, training.id),
    deadlinesFor(ctx.db, training),
    report ? listReceipts(ctx.db, report.id) : [],
    report ? reportEvents(ctx.db, report.id) : [],
    report
      ? ctx.db.select({ version: expenseReportVersions.version, submittedAt: expenseReportVersions.submittedAt }).from(expenseReportVersions).where(eq(expenseReportVersions.reportId, report.id)).orderBy(asc(expenseReportVersions.version))
      : [],
  ]);
  const attendedAdults = attendance?.attendedAdults ?? 0;
  const today = helsinkiDate(ctx.clock.now());
  // Once sent, the report shows the calculation it was sent with (the year's rates may change later).
  const [sent] = report && !isEditableReport(report.status) ? await reportVersions(ctx.db, report.id, [report.version]) : [null];
  return {
    report,
    content,
    rules,
    attendance,
    breakdown: sent?.breakdown ?? supportOf(rules, training.type, content),
    findings: checkRealisedEligibility({ year: training.year, peerGroup: training.type === 'peerGroup', attendedAdults }, content, rules),
    deadlines,
    standing: deadlineStanding(deadlines, today, !!report?.latePermittedAt),
    receipts,
    events,
    versions,
  };
}

export async function listReceipts(db: Queryable, reportId: string) {
  return db
    .select({ id: expenseReceipts.id, fileName: expenseReceipts.fileName, mimeType: expenseReceipts.mimeType, sizeBytes: expenseReceipts.sizeBytes, uploadedAt: expenseReceipts.uploadedAt })
    .from(expenseReceipts)
    .where(eq(expenseReceipts.reportId, reportId))
    .orderBy(asc(expenseReceipts.uploadedAt), asc(expenseReceipts.fileName));
}

export async function reportEvents(db: Queryable, reportId: string) {
  return db
    .select({ id: expenseReportEvents.id, kind: expenseReportEvents.kind, version: expenseReportEvents.version, comment: expenseReportEvents.comment, at: expenseReportEvents.at, actorName: users.name })
    .from(expenseReportEvents)
    .leftJoin(users, eq(users.id, expenseReportEvents.actorUserId))
    .where(eq(expenseReportEvents.reportId, reportId))
    .orderBy(desc(expenseReportEvents.id));
}

export type ReportError =
  | 'notFound'
  | 'expenses.errors.notEnded'
  | 'expenses.errors.notEditable'
  | 'expenses.errors.deadlinePassed'
  | 'expenses.errors.sessionsRequired'
  | 'expenses.errors.declarationRequired';
export type ReportResult = { ok: true; reportId: string } | { ok: false; error: ReportError };

/** The training locked, and its report (null while there is none) locked too: one change to a report at a time. */
export async function lockReport(ctx: WriteContext, trainingId: string) {
  const training = await lockTraining(ctx, trainingId);
  if (!training) return null;
  const [report] = await ctx.db.select().from(expenseReports).where(eq(expenseReports.trainingId, trainingId)).for('update');
  return { training, report: report ?? null };
}

/** A training's report as a new draft that starts from the planned sessions. */
export async function createReport(ctx: WriteContext, training: { id: string; organisationId: string; year: number }): Promise<ExpenseReportRow> {
  const now = ctx.clock.now();
  const [report] = await ctx.db
    .insert(expenseReports)
    .values({ trainingId: training.id, organisationId: training.organisationId, year: training.year, content: initialContent(await planSessions(ctx.db, training.id)), createdAt: now, updatedAt: now })
    .returning();
  return report!;
}

/** The trainer may write while the training has ended and the report is a draft or returned. */
export function editRefusal(trainingStatus: string, reportStatus: ExpenseReportStatus | null): ReportError | null {
  if (!isEditableReport(reportStatus)) return 'expenses.errors.notEditable';
  if (trainingStatus !== 'ended') return 'expenses.errors.notEnded';
  return null;
}

/** Saves the report as a draft (nothing is checked but the form's own limits): nothing typed is lost. */
export async function saveExpenseReport(ctx: ActorContext, trainingId: string, content: ReportContent): Promise<ReportResult> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockReport({ db: tx, clock: ctx.clock }, trainingId);
    if (!locked) return { ok: false, error: 'notFound' };
    const refusal = editRefusal(locked.training.status, locked.report?.status ?? null);
    if (refusal) return { ok: false, error: refusal };
    const report = locked.report ?? (await createReport({ db: tx, clock: ctx.clock }, locked.training));
    await tx.update(expenseReports).set({ content, updatedAt: ctx.clock.now() }).where(eq(expenseReports.id, report.id));
    await writeAudit(tx, ctx.clock, { action: 'expenseReport.saved', actorUserId: ctx.actor.userId, targetType: 'expenseReport', targetId: report.id, organisationId: locked.training.organisationId, details: { trainingId } });
    return { ok: true, reportId: report.id };
  });
}

/**
 * Submits the report as a new version: the content is kept as it was sent with its calculation and
 * the attendance figure, the training becomes reported. The first submission decides whether the
 * report is late (after the due day) and whether it is picked for audit; after the January deadline
 * only a report that staff have allowed, or one returned for corrections, can be submitted.
 */
export async function submitExpenseReport(ctx: ActorContext, trainingId: string, content: ReportContent): Promise<ReportResult> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { db: tx, clock: ctx.clock };
    const locked = await lockReport(inTx, trainingId);
    if (!locked) return { ok: false, error: 'notFound' };
    const { training } = locked;
    const refusal = editRefusal(training.status, locked.report?.status ?? null);
    if (refusal) return { ok: false, error: refusal };
    const now = ctx.clock.now();
    const first = locked.report?.firstSubmittedAt == null;
    const standing = deadlineStanding(await deadlinesFor(tx, training), helsinkiDate(now), !!locked.report?.latePermittedAt);
    if (first && standing === 'closed') return { ok: false, error: 'expenses.errors.deadlinePassed' };
    if (content.sessions.length === 0) return { ok: false, error: 'expenses.errors.sessionsRequired' };
    if (!content.marketingDeclaration) return { ok: false, error: 'expenses.errors.declarationRequired' };
    const report = locked.report ?? (await createReport(inTx, training));
    const rules = await supportRulesFor(inTx, training.year);
    const breakdown = supportOf(rules, training.type, content);
    const attendedAdults = (await attendanceSummary(inTx, trainingId))?.attendedAdults ?? 0;
    const version = report.version + 1;
    await tx.insert(expenseReportVersions).values({ reportId: report.id, version, content, breakdown, attendedAdults, submittedAt: now, submittedBy: ctx.actor.userId });
    await tx
      .update(expenseReports)
      .set({
        content,
        status: 'submitted',
        version,
        realisedHundredths: breakdown.realisedHundredths,
        supportCents: breakdown.supportCents,
        submittedAt: now,
        updatedAt: now,
        receiptsCheckedAt: null,
        receiptsCheckedBy: null,
        ...(first
          ? { firstSubmittedAt: now, late: standing === 'late', audit: isPickedForAudit(await auditSeedFor(tx, training.year), report.id, rules.auditShareBasisPoints) }
          : {}),
      })
      .where(eq(expenseReports.id, report.id));
    await tx.update(trainings).set({ status: 'reported', updatedAt: now }).where(eq(trainings.id, trainingId));
    await tx.insert(expenseReportEvents).values({ reportId: report.id, kind: 'submitted', version, actorUserId: ctx.actor.userId, at: now });
    await writeAudit(tx, ctx.clock, {
      action: 'expenseReport.submitted',
      actorUserId: ctx.actor.userId,
      targetType: 'expenseReport',
      targetId: report.id,
      organisationId: training.organisationId,
      details: { trainingId, version, supportCents: breakdown.supportCents, realisedHundredths: breakdown.realisedHundredths },
    });
    return { ok: true, reportId: report.id };
  });
}

/** Two submitted versions of a report, for comparing them side by side. */
export async function reportVersions(db: Queryable, reportId: string, numbers: number[]) {
  const rows = await db.select().from(expenseReportVersions).where(eq(expenseReportVersions.reportId, reportId)).orderBy(asc(expenseReportVersions.version));
  return numbers.map((n) => rows.find((r) => r.version === n) ?? null);
}

export async function receiptCount(db: Queryable, reportId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(expenseReceipts).where(eq(expenseReceipts.reportId, reportId));
  return row?.n ?? 0;
}
