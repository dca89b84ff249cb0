import { and, eq, inArray } from 'drizzle-orm';
import type { Language } from '../../app/i18n';
import { type AuditAction, writeAudit } from '../access/audit';
import { helsinkiDate } from '../calendar/dates';
import { formatDateRange } from '../calendar/format';
import { supportRulesFor } from '../centre/support-rules';
import type { ActorContext, WriteContext } from '../context';
import { expenseReportEvents, expenseReportVersions, expenseReports, trainings, users } from '../db/schema';
import type { Transaction } from '../db/types';
import { realiseReservation, releaseReservation } from '../hours/ledger';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import type { Finding } from '../trainings/eligibility';
import { deadlineStanding } from './deadlines';
import { checkRealisedEligibility } from './eligibility';
import { formatEuros } from './format';
import type { ExpenseReportEventKind } from './kinds';
import { createReport, deadlinesFor, lockReport, receiptCount } from './reports';

export type ReviewError =
  | 'notFound'
  | 'expenses.errors.notSubmitted'
  | 'expenses.errors.receiptsMissing'
  | 'expenses.errors.receiptsNotChecked'
  | 'expenses.errors.notAudited'
  | 'expenses.errors.notClosed';
export type ReviewResult =
  | { ok: true }
  | { ok: false; error: ReviewError }
  | { ok: false; error: 'expenses.errors.ineligible'; findings: Finding[] }
  | { ok: false; error: 'hours.errors.insufficient'; availableHundredths: number; neededHundredths: number };

type Locked = NonNullable<Awaited<ReturnType<typeof lockReport>>>;
type Decision = 'returned' | 'approved' | 'rejected';

const ledger = (ctx: ActorContext, tx: Transaction) => ({ db: tx, clock: ctx.clock, actorUserId: ctx.actor.userId });

/** Locks a submitted report for a decision; anything else is refused as already decided. */
async function lockSubmitted(ctx: WriteContext, trainingId: string) {
  const locked = await lockReport(ctx, trainingId);
  if (!locked?.report) return { error: locked ? ('expenses.errors.notSubmitted' as const) : ('notFound' as const) };
  if (locked.report.status !== 'submitted') return { error: 'expenses.errors.notSubmitted' as const };
  return { error: null, training: locked.training, report: locked.report };
}

/** Appends the history row and the audit row of a step staff took. */
async function record(ctx: ActorContext, tx: Transaction, locked: Pick<Locked, 'training'> & { report: { id: string; version: number } }, kind: ExpenseReportEventKind, action: AuditAction, comment = '') {
  await tx.insert(expenseReportEvents).values({ reportId: locked.report.id, kind, version: locked.report.version, comment, actorUserId: ctx.actor.userId, at: ctx.clock.now() });
  await writeAudit(tx, ctx.clock, {
    action,
    actorUserId: ctx.actor.userId,
    targetType: 'expenseReport',
    targetId: locked.report.id,
    organisationId: locked.training.organisationId,
    details: { trainingId: locked.training.id, version: locked.report.version, ...(comment ? { comment } : {}) },
  });
}

/** The training's planner and the person who submitted the latest version are told of a decision, in their own language. */
async function emailDecision(ctx: ActorContext, tx: Transaction, locked: Locked, decision: Decision, comment: string, links: { publicUrl: string }) {
  const [latest] = await tx.select({ by: expenseReportVersions.submittedBy }).from(expenseReportVersions).where(and(eq(expenseReportVersions.reportId, locked.report!.id), eq(expenseReportVersions.version, locked.report!.version)));
  const ids = [...new Set([locked.training.createdBy, latest?.by].filter((id): id is string => !!id))];
  if (ids.length === 0) return;
  const recipients = await tx.select({ email: users.email, name: users.name, language: users.language }).from(users).where(and(inArray(users.id, ids), eq(users.status, 'active')));
  const [dates] = await tx.select({ startsOn: trainings.startsOn, endsOn: trainings.endsOn }).from(trainings).where(eq(trainings.id, locked.training.id));
  const key = decision === 'returned' ? 'expenseReportReturned' : decision === 'approved' ? 'expenseReportApproved' : 'expenseReportRejected';
  for (const to of recipients) {
    const language = to.language as Language;
    await enqueueTemplatedEmail({ db: tx, clock: ctx.clock }, { email: to.email, language }, key, {
      name: to.name,
      training: locked.training.name,
      dates: dates?.startsOn && dates.endsOn ? formatDateRange(language, dates.startsOn, dates.endsOn) : '',
      support: formatEuros(language, locked.report!.supportCents),
      comment,
      reportUrl: `${links.publicUrl}/organisations/${locked.training.organisationId}/trainings/${locked.training.id}/expense-report`,
    });
  }
}

/**
 * Approves the latest version: an audited report needs receipts that staff have checked; the
 * support rules are checked again on the realised figures; the realised hours replace the
 * reservation in the ledger (the difference released, or more taken from free hours — refused with
 * the numbers when none cover it). Nothing changes when anything is refused.
 */
export async function approveExpenseReport(ctx: ActorContext, trainingId: string, links: { publicUrl: string }): Promise<ReviewResult> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockSubmitted({ db: tx, clock: ctx.clock }, trainingId);
    if (locked.error !== null) return { ok: false, error: locked.error };
    const { training, report } = locked;
    if (report.audit) {
      if ((await receiptCount(tx, report.id)) === 0) return { ok: false, error: 'expenses.errors.receiptsMissing' };
      if (!report.receiptsCheckedAt) return { ok: false, error: 'expenses.errors.receiptsNotChecked' };
    }
    const [version] = await tx.select().from(expenseReportVersions).where(and(eq(expenseReportVersions.reportId, report.id), eq(expenseReportVersions.version, report.version)));
    const rules = await supportRulesFor({ db: tx, clock: ctx.clock }, training.year);
    const peerGroup = training.type === 'peerGroup';
    const findings = checkRealisedEligibility({ year: training.year, peerGroup, attendedAdults: version!.attendedAdults }, version!.content, rules);
    if (findings.length) return { ok: false, error: 'expenses.errors.ineligible', findings };
    const realised = await realiseReservation(ledger(ctx, tx), { year: training.year, organisationId: training.organisationId, unitId: training.unitId, trainingId, peerGroup }, report.realisedHundredths);
    if (!realised.ok) return { ok: false, error: 'hours.errors.insufficient', availableHundredths: realised.availableHundredths, neededHundredths: report.realisedHundredths };
    const now = ctx.clock.now();
    await tx.update(expenseReports).set({ status: 'approved', decidedAt: now, decidedBy: ctx.actor.userId, updatedAt: now }).where(eq(expenseReports.id, report.id));
    await tx.update(trainings).set({ status: 'approved', updatedAt: now }).where(eq(trainings.id, trainingId));
    await record(ctx, tx, locked, 'approved', 'expenseReport.approved');
    await emailDecision(ctx, tx, { training, report }, 'approved', '', links);
    return { ok: true };
  });
}

/** Returns the report for corrections with staff's comments (emailed): the trainer fixes it and submits again. */
export async function returnExpenseReport(ctx: ActorContext, trainingId: string, comment: string, links: { publicUrl: string }): Promise<ReviewResult> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockSubmitted({ db: tx, clock: ctx.clock }, trainingId);
    if (locked.error !== null) return { ok: false, error: locked.error };
    const now = ctx.clock.now();
    await tx.update(expenseReports).set({ status: 'returned', decidedAt: now, decidedBy: ctx.actor.userId, updatedAt: now }).where(eq(expenseReports.id, locked.report.id));
    // Ended again: its attendance can be corrected too.
    await tx.update(trainings).set({ status: 'ended', updatedAt: now }).where(eq(trainings.id, trainingId));
    await record(ctx, tx, locked, 'returned', 'expenseReport.returned', comment);
    await emailDecision(ctx, tx, locked, 'returned', comment, links);
    return { ok: true };
  });
}

/** Rejects the report with a reason (emailed): no support, and the training's reserved hours go back. */
export async function rejectExpenseReport(ctx: ActorContext, trainingId: string, reason: string, links: { publicUrl: string }): Promise<ReviewResult> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockSubmitted({ db: tx, clock: ctx.clock }, trainingId);
    if (locked.error !== null) return { ok: false, error: locked.error };
    const now = ctx.clock.now();
    await releaseReservation(ledger(ctx, tx), locked.training.year, trainingId, 'rejected');
    // The training stays reported: decided for good, its participants and attendance stay closed.
    await tx.update(expenseReports).set({ status: 'rejected', decidedAt: now, decidedBy: ctx.actor.userId, updatedAt: now }).where(eq(expenseReports.id, locked.report.id));
    await record(ctx, tx, locked, 'rejected', 'expenseReport.rejected', reason);
    await emailDecision(ctx, tx, locked, 'rejected', reason, links);
    return { ok: true };
  });
}

/** Staff have checked the receipts of an audited report against its costs. */
export async function markReceiptsChecked(ctx: ActorContext, trainingId: string): Promise<ReviewResult> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockSubmitted({ db: tx, clock: ctx.clock }, trainingId);
    if (locked.error !== null) return { ok: false, error: locked.error };
    if (!locked.report.audit) return { ok: false, error: 'expenses.errors.notAudited' };
    if ((await receiptCount(tx, locked.report.id)) === 0) return { ok: false, error: 'expenses.errors.receiptsMissing' };
    await tx.update(expenseReports).set({ receiptsCheckedAt: ctx.clock.now(), receiptsCheckedBy: ctx.actor.userId }).where(eq(expenseReports.id, locked.report.id));
    await record(ctx, tx, locked, 'receiptsChecked', 'expenseReport.receiptsChecked');
    return { ok: true };
  });
}

/** Staff allow a training's report after the January deadline (a report that has never been submitted). */
export async function permitLateReport(ctx: ActorContext, trainingId: string, reason: string): Promise<ReviewResult> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { db: tx, clock: ctx.clock };
    const locked = await lockReport(inTx, trainingId);
    if (!locked) return { ok: false, error: 'notFound' };
    const { training } = locked;
    const standing = deadlineStanding(await deadlinesFor(tx, training), helsinkiDate(ctx.clock.now()), !!locked.report?.latePermittedAt);
    if (training.status !== 'ended' || locked.report?.firstSubmittedAt || standing !== 'closed') return { ok: false, error: 'expenses.errors.notClosed' };
    const report = locked.report ?? (await createReport(inTx, training));
    await tx.update(expenseReports).set({ latePermittedAt: ctx.clock.now(), latePermittedBy: ctx.actor.userId, updatedAt: ctx.clock.now() }).where(eq(expenseReports.id, report.id));
    await record(ctx, tx, { training, report }, 'latePermitted', 'expenseReport.latePermitted', reason);
    return { ok: true };
  });
}
