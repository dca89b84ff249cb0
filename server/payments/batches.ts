import { asc, eq, inArray, like, sql } from 'drizzle-orm';
import { translator } from '../../app/i18n';
import { writeAudit } from '../access/audit';
import { activeOrganisationAdmins } from '../access/approvers';
import { addDays, helsinkiDate, type IsoDate } from '../calendar/dates';
import { formatIsoDate } from '../calendar/format';
import { getCentreSettings } from '../centre/settings';
import type { ActorContext } from '../context';
import { expenseReports, organisations, paymentBatches, paymentReports, payments } from '../db/schema';
import type { Transaction } from '../db/types';
import { formatEuros } from '../expenses/format';
import { enqueueEmails } from '../notifications/outbox';
import { templatedEmail } from '../notifications/templated-email';
import { normaliseIban } from '../organisations/bank-account';
import { type AccountProblem, accountProblem } from './account';
import { unpaidApproved } from './candidates';
import { fileText } from './pain001';
import { specificationFormats } from './kinds';

export type BatchError =
  | 'notFound'
  | 'payments.errors.centreAccount'
  | 'payments.errors.nothingToPay'
  | 'payments.errors.executionDatePast'
  | 'payments.errors.executionDateFar'
  | 'payments.errors.notOpen'
  | 'payments.errors.paidOnFuture'
  | 'payments.errors.paidOnBeforeCreated';

export type CreateBatchResult =
  | { ok: true; batchId: string; reference: string; skipped: { organisationId: string; name: string; problem: AccountProblem }[] }
  | { ok: false; error: BatchError };

/** A batch may be set to be paid from today up to a year ahead. */
export const maxExecutionDays = 365;

/** The remittance text on the organisation's statement: it names the batch (at most 140 characters). */
export function remittanceInfo(centreName: string, reference: string): string {
  const t = translator('fi');
  const centre = fileText(centreName, 140);
  const room = 140 - t('payments.remittance', { centre: '', reference }).length;
  return t('payments.remittance', { centre: fileText(centre, Math.max(0, room)), reference });
}

/** Serialises batch creation: numbers follow one another and no report is taken twice. */
const lockBatches = (tx: Transaction) => tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('payment-batches', 0))`);

async function nextReference(tx: Transaction, year: number): Promise<string> {
  const [row] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(paymentBatches).where(like(paymentBatches.reference, `${year}-%`));
  return `${year}-${String((row?.n ?? 0) + 1).padStart(3, '0')}`;
}

/**
 * Creates a batch from every approved report not yet in one: one payment per organisation (its
 * reports' support summed) to its account, the centre's account as debtor. An organisation whose
 * account cannot receive a SEPA transfer is left out (and named), the others are paid.
 */
export async function createPaymentBatch(ctx: ActorContext, input: { executionDate: IsoDate }): Promise<CreateBatchResult> {
  const today = helsinkiDate(ctx.clock.now());
  if (input.executionDate < today) return { ok: false, error: 'payments.errors.executionDatePast' };
  if (input.executionDate > addDays(today, maxExecutionDays)) return { ok: false, error: 'payments.errors.executionDateFar' };
  return ctx.db.transaction(async (tx) => {
    await lockBatches(tx);
    const centre = await getCentreSettings({ db: tx, clock: ctx.clock });
    if (!centre?.name || !centre.bic || accountProblem(centre)) return { ok: false, error: 'payments.errors.centreAccount' };
    const reports = await tx
      .select({ id: expenseReports.id, trainingId: expenseReports.trainingId, organisationId: expenseReports.organisationId, supportCents: expenseReports.supportCents, name: organisations.name, iban: organisations.iban, bic: organisations.bic })
      .from(expenseReports)
      .innerJoin(organisations, eq(organisations.id, expenseReports.organisationId))
      .where(unpaidApproved)
      .orderBy(asc(organisations.name), asc(organisations.id), asc(expenseReports.id))
      .for('update', { of: expenseReports });
    const byOrganisation = new Map<string, typeof reports>();
    for (const report of reports) byOrganisation.set(report.organisationId, [...(byOrganisation.get(report.organisationId) ?? []), report]);
    const skipped: { organisationId: string; name: string; problem: AccountProblem }[] = [];
    const payable: (typeof reports)[] = [];
    for (const [organisationId, rows] of byOrganisation) {
      const problem = accountProblem(rows[0]!);
      if (problem) skipped.push({ organisationId, name: rows[0]!.name, problem });
      else payable.push(rows);
    }
    if (payable.length === 0) return { ok: false, error: 'payments.errors.nothingToPay' };
    const now = ctx.clock.now();
    const reference = await nextReference(tx, Number(today.slice(0, 4)));
    const remittance = remittanceInfo(centre.name, reference);
    const sum = (rows: typeof reports) => rows.reduce((total, r) => total + r.supportCents, 0);
    const [batch] = await tx
      .insert(paymentBatches)
      .values({
        reference,
        executionDate: input.executionDate,
        debtorName: centre.name,
        debtorIban: normaliseIban(centre.iban)!,
        debtorBic: centre.bic.toUpperCase(),
        paymentCount: payable.length,
        totalCents: payable.reduce((total, rows) => total + sum(rows), 0),
        createdBy: ctx.actor.userId,
        createdAt: now,
      })
      .returning({ id: paymentBatches.id });
    const inserted = await tx
      .insert(payments)
      .values(
        payable.map((rows, i) => ({
          batchId: batch!.id,
          organisationId: rows[0]!.organisationId,
          creditorName: rows[0]!.name,
          iban: normaliseIban(rows[0]!.iban)!,
          bic: rows[0]!.bic.trim().toUpperCase(),
          amountCents: sum(rows),
          reportCount: rows.length,
          endToEndId: `TUKI-${reference}-${i + 1}`,
          remittanceInfo: remittance,
        })),
      )
      .returning({ id: payments.id, organisationId: payments.organisationId });
    const paymentOf = new Map(inserted.map((p) => [p.organisationId, p.id]));
    const lines = payable.flat().map((r) => ({ paymentId: paymentOf.get(r.organisationId)!, reportId: r.id, trainingId: r.trainingId, amountCents: r.supportCents }));
    for (let i = 0; i < lines.length; i += 1000) await tx.insert(paymentReports).values(lines.slice(i, i + 1000));
    for (const rows of payable) await tx.update(expenseReports).set({ paymentId: paymentOf.get(rows[0]!.organisationId)! }).where(inArray(expenseReports.id, rows.map((r) => r.id)));
    await writeAudit(tx, ctx.clock, {
      action: 'paymentBatch.created',
      actorUserId: ctx.actor.userId,
      targetType: 'paymentBatch',
      targetId: batch!.id,
      details: { reference, executionDate: input.executionDate, payments: payable.length, reports: lines.length, totalCents: payable.reduce((total, rows) => total + sum(rows), 0), skipped: skipped.map((s) => ({ organisationId: s.organisationId, problem: s.problem })) },
    });
    return { ok: true, batchId: batch!.id, reference, skipped };
  });
}

async function lockOpenBatch(tx: Transaction, batchId: string) {
  const [batch] = await tx.select().from(paymentBatches).where(eq(paymentBatches.id, batchId)).for('update');
  if (!batch) return { error: 'notFound' as const };
  if (batch.status !== 'created') return { error: 'payments.errors.notOpen' as const };
  return { error: null, batch };
}

/** Cancels a batch that has not been paid: its reports wait for the next batch again; the batch stays as history. */
export async function cancelPaymentBatch(ctx: ActorContext, batchId: string, reason: string): Promise<{ ok: true } | { ok: false; error: BatchError }> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOpenBatch(tx, batchId);
    if (locked.error !== null) return { ok: false, error: locked.error };
    await tx.update(paymentBatches).set({ status: 'cancelled', cancelledAt: ctx.clock.now(), cancelledBy: ctx.actor.userId, cancelReason: reason }).where(eq(paymentBatches.id, batchId));
    const batchPayments = tx.select({ id: payments.id }).from(payments).where(eq(payments.batchId, batchId));
    await tx.update(paymentReports).set({ active: false }).where(inArray(paymentReports.paymentId, batchPayments));
    await tx.update(expenseReports).set({ paymentId: null }).where(inArray(expenseReports.paymentId, batchPayments));
    await writeAudit(tx, ctx.clock, { action: 'paymentBatch.cancelled', actorUserId: ctx.actor.userId, targetType: 'paymentBatch', targetId: batchId, details: { reference: locked.batch.reference, reason } });
    return { ok: true };
  });
}

/**
 * Records that the bank paid the batch on a day: for good (its reports are paid and can never be
 * in another batch). Each organisation's admins are emailed the payment with its specification
 * attached (PDF and CSV, rendered when the email is sent).
 */
export async function markPaymentBatchPaid(ctx: ActorContext, batchId: string, paidOn: IsoDate, links: { publicUrl: string }): Promise<{ ok: true } | { ok: false; error: BatchError }> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOpenBatch(tx, batchId);
    if (locked.error !== null) return { ok: false, error: locked.error };
    const { batch } = locked;
    if (paidOn > helsinkiDate(ctx.clock.now())) return { ok: false, error: 'payments.errors.paidOnFuture' };
    if (paidOn < helsinkiDate(batch.createdAt)) return { ok: false, error: 'payments.errors.paidOnBeforeCreated' };
    await tx.update(paymentBatches).set({ status: 'paid', paidOn, markedPaidAt: ctx.clock.now(), markedPaidBy: ctx.actor.userId }).where(eq(paymentBatches.id, batchId));
    const batchPayments = await tx.select().from(payments).where(eq(payments.batchId, batchId)).orderBy(asc(payments.creditorName));
    // The email opens the support page on the newest year the payment pays (spring batches pay last year's reports).
    const years = await tx
      .select({ paymentId: paymentReports.paymentId, year: sql<number>`max(${expenseReports.year})`.mapWith(Number) })
      .from(paymentReports)
      .innerJoin(expenseReports, eq(expenseReports.id, paymentReports.reportId))
      .where(inArray(paymentReports.paymentId, batchPayments.map((p) => p.id)))
      .groupBy(paymentReports.paymentId);
    const yearOf = new Map(years.map((y) => [y.paymentId, y.year]));
    const emails = [];
    for (const payment of batchPayments) {
      for (const admin of await activeOrganisationAdmins(tx, payment.organisationId)) {
        emails.push({
          ...templatedEmail(admin, 'supportPaid', {
            organisation: payment.creditorName,
            amount: formatEuros(admin.language, payment.amountCents),
            reports: String(payment.reportCount),
            reference: batch.reference,
            paidOn: formatIsoDate(admin.language, paidOn),
            link: `${links.publicUrl}/organisations/${payment.organisationId}/support${yearOf.has(payment.id) ? `?year=${yearOf.get(payment.id)}` : ''}`,
          }),
          attachments: specificationFormats.map((format) => ({ kind: 'paymentSpecification' as const, organisationId: payment.organisationId, paymentId: payment.id, format, language: admin.language })),
        });
      }
    }
    await enqueueEmails({ db: tx, clock: ctx.clock }, emails);
    await writeAudit(tx, ctx.clock, { action: 'paymentBatch.paid', actorUserId: ctx.actor.userId, targetType: 'paymentBatch', targetId: batchId, details: { reference: batch.reference, paidOn, payments: batchPayments.length, totalCents: batch.totalCents } });
    return { ok: true };
  });
}

/** Counts a download of the batch's file (audited: who took the file to the bank, and when). */
export async function recordBatchExport(ctx: ActorContext, batchId: string, reference: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.update(paymentBatches).set({ exportCount: sql`${paymentBatches.exportCount} + 1`, lastExportedAt: ctx.clock.now() }).where(eq(paymentBatches.id, batchId));
    await writeAudit(tx, ctx.clock, { action: 'paymentBatch.exported', actorUserId: ctx.actor.userId, targetType: 'paymentBatch', targetId: batchId, details: { reference } });
  });
}
