import { and, asc, eq, inArray } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { type IsoDate, addDays, helsinkiDate } from '../calendar/dates';
import type { ActorContext } from '../context';
import { registerConsents, studyRegisterEntries, trainingParticipants, trainingResults, users } from '../db/schema';
import type { Queryable, Transaction } from '../db/types';
import type { TrainingStatus } from '../trainings/kinds';
import { lockTraining } from '../trainings/locked-training';
import { type RegisterLinks, updateRegisterFor, withdrawEntry } from './entries';

export type Outcome = 'passed' | 'failed';

/** An admin may correct a result for this long after it was marked. */
export const correctionDays = 30;

/**
 * Results are marked for a submitted training based on a model once its last day has come (the
 * nightly status job may not have moved it on yet), and never for a draft or a cancelled one.
 */
export function resultsOpen(training: { status: TrainingStatus; modelVersionId: string | null; endsOn: IsoDate | null }, today: IsoDate): boolean {
  return training.modelVersionId !== null && training.status !== 'draft' && training.status !== 'cancelled' && training.endsOn !== null && training.endsOn <= today;
}

/** The last Helsinki calendar day a result marked at `markedAt` may be corrected: the 30th day after. */
export const lastCorrectionDay = (markedAt: Date): IsoDate => addDays(helsinkiDate(markedAt), correctionDays);
export const isCorrectable = (markedAt: Date, now: Date) => helsinkiDate(now) <= lastCorrectionDay(markedAt);

/** The registered participants with their results, consent and register entries. */
export async function trainingResultsList(db: Queryable, trainingId: string) {
  return db
    .select({
      participantId: trainingParticipants.id,
      name: trainingParticipants.name,
      email: trainingParticipants.email,
      outcome: trainingResults.outcome,
      justification: trainingResults.justification,
      markedAt: trainingResults.markedAt,
      markedByName: users.name,
      correctedAt: trainingResults.correctedAt,
      consentedAt: registerConsents.consentedAt,
      consentRequestedAt: registerConsents.requestedAt,
      entryId: studyRegisterEntries.id,
    })
    .from(trainingParticipants)
    .leftJoin(trainingResults, eq(trainingResults.participantId, trainingParticipants.id))
    .leftJoin(users, eq(users.id, trainingResults.markedBy))
    .leftJoin(registerConsents, eq(registerConsents.participantId, trainingParticipants.id))
    .leftJoin(studyRegisterEntries, eq(studyRegisterEntries.participantId, trainingParticipants.id))
    .where(and(eq(trainingParticipants.trainingId, trainingId), eq(trainingParticipants.status, 'registered')))
    .orderBy(asc(trainingParticipants.name), asc(trainingParticipants.arrival));
}

export interface ResultMark {
  participantId: string;
  outcome: Outcome;
  justification: string;
}

export type ResultsError =
  | 'notFound'
  | 'results.errors.notOpen'
  | 'results.errors.unknownParticipant'
  | 'results.errors.alreadyMarked'
  | 'results.errors.correctionClosed'
  | 'results.errors.notMarked'
  | 'results.errors.justificationRequired';

/** A failure must say why; the form checks it too, this keeps any other caller from a half-made list. */
const unjustified = (mark: ResultMark) => mark.outcome === 'failed' && !mark.justification.trim();
export type ResultsResult = { ok: true; entered: number; consentRequested: number } | { ok: false; error: ResultsError };

/** Locks the training and checks results may be marked for it now. */
async function openTraining(ctx: ActorContext, trainingId: string, tx: Transaction) {
  const training = await lockTraining({ db: tx, clock: ctx.clock }, trainingId);
  if (!training) return { error: 'notFound' as const };
  if (!resultsOpen(training, helsinkiDate(ctx.clock.now()))) return { error: 'results.errors.notOpen' as const };
  return { error: null, training };
}

/**
 * The trainer marks results (each once): a pass enters the consenting participant in the study
 * register, or asks the others for consent by email; a failure is never entered.
 */
export async function recordResults(ctx: ActorContext, trainingId: string, marks: ResultMark[], links: RegisterLinks): Promise<ResultsResult> {
  return ctx.db.transaction(async (tx) => {
    const open = await openTraining(ctx, trainingId, tx);
    if (open.error) return { ok: false, error: open.error };
    const ids = marks.map((m) => m.participantId);
    if (new Set(ids).size !== ids.length) return { ok: false, error: 'results.errors.unknownParticipant' };
    if (marks.some(unjustified)) return { ok: false, error: 'results.errors.justificationRequired' };
    const known = ids.length
      ? await tx
          .select({ id: trainingParticipants.id, marked: trainingResults.participantId })
          .from(trainingParticipants)
          .leftJoin(trainingResults, eq(trainingResults.participantId, trainingParticipants.id))
          .where(and(eq(trainingParticipants.trainingId, trainingId), eq(trainingParticipants.status, 'registered'), inArray(trainingParticipants.id, ids)))
      : [];
    if (known.length !== ids.length) return { ok: false, error: 'results.errors.unknownParticipant' };
    if (known.some((k) => k.marked)) return { ok: false, error: 'results.errors.alreadyMarked' };
    const now = ctx.clock.now();
    if (marks.length)
      await tx.insert(trainingResults).values(marks.map((m) => ({ participantId: m.participantId, trainingId, outcome: m.outcome, justification: m.outcome === 'failed' ? m.justification.trim() : '', markedBy: ctx.actor.userId, markedAt: now })));
    const counts = { entered: 0, consentRequested: 0 };
    for (const mark of marks.filter((m) => m.outcome === 'passed')) {
      const outcome = await updateRegisterFor({ db: tx, clock: ctx.clock }, mark.participantId, links, ctx.actor.userId);
      if (outcome !== 'none') counts[outcome]++;
    }
    await writeAudit(tx, ctx.clock, {
      action: 'result.recorded',
      actorUserId: ctx.actor.userId,
      targetType: 'training',
      targetId: trainingId,
      organisationId: open.training.organisationId,
      details: { passed: marks.filter((m) => m.outcome === 'passed').length, failed: marks.filter((m) => m.outcome === 'failed').length },
    });
    return { ok: true, ...counts };
  });
}

/**
 * The organisation's admin corrects a result within 30 days of its marking; after that it stands.
 * A pass corrected to a failure takes its register entry out.
 */
export async function correctResult(ctx: ActorContext, trainingId: string, mark: ResultMark & { reason: string }, links: RegisterLinks): Promise<ResultsResult> {
  return ctx.db.transaction(async (tx) => {
    const open = await openTraining(ctx, trainingId, tx);
    if (open.error) return { ok: false, error: open.error };
    if (unjustified(mark)) return { ok: false, error: 'results.errors.justificationRequired' };
    const [current] = await tx
      .select()
      .from(trainingResults)
      .where(and(eq(trainingResults.participantId, mark.participantId), eq(trainingResults.trainingId, trainingId)))
      .for('update');
    if (!current) return { ok: false, error: 'results.errors.notMarked' };
    const now = ctx.clock.now();
    if (!isCorrectable(current.markedAt, now)) return { ok: false, error: 'results.errors.correctionClosed' };
    const justification = mark.outcome === 'failed' ? mark.justification.trim() : '';
    await tx.update(trainingResults).set({ outcome: mark.outcome, justification, correctedBy: ctx.actor.userId, correctedAt: now }).where(eq(trainingResults.participantId, mark.participantId));
    const write = { db: tx, clock: ctx.clock };
    let counts = { entered: 0, consentRequested: 0 };
    if (mark.outcome === 'failed') await withdrawEntry(write, mark.participantId, ctx.actor.userId, open.training.organisationId);
    else {
      const outcome = await updateRegisterFor(write, mark.participantId, links, ctx.actor.userId);
      if (outcome !== 'none') counts = { ...counts, [outcome]: 1 };
    }
    await writeAudit(tx, ctx.clock, {
      action: 'result.corrected',
      actorUserId: ctx.actor.userId,
      targetType: 'participant',
      targetId: mark.participantId,
      organisationId: open.training.organisationId,
      details: { trainingId, from: current.outcome, to: mark.outcome, reason: mark.reason.trim() },
    });
    return { ok: true, ...counts };
  });
}
