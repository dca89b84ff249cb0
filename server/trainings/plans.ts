import { and, asc, eq } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { helsinkiDate, yearOf } from '../calendar/dates';
import { windowStatus } from '../calendar/windows';
import { supportRulesFor } from '../centre/support-rules';
import type { ActorContext } from '../context';
import { trainingSessions, trainings, units } from '../db/schema';
import { releaseReservation, reserveHours } from '../hours/ledger';
import { type Finding, checkEligibility } from './eligibility';
import { type SessionTimes, hundredthsFromMinutes, sessionMinutes } from './teaching-hours';

type TrainingRow = typeof trainings.$inferSelect;
export type PlanInput = Pick<
  TrainingRow,
  | 'name'
  | 'description'
  | 'type'
  | 'mode'
  | 'topicClass'
  | 'targetGroup'
  | 'learningGoals'
  | 'plannedParticipants'
  | 'responsibleName'
  | 'priceCents'
  | 'noOtherStateFunding'
  | 'notSoldToCompanies'
  | 'noVocationalQualification'
> & { unitId: string; sessions: (SessionTimes & { place: string; onlineLink: string })[] };

export type PlanResult =
  | { ok: true; id: string }
  | { ok: false; error: 'notFound' | 'trainings.errors.unitNotTraining' | 'trainings.errors.notDraft' | 'trainings.errors.invalidSession' }
  | { ok: false; error: 'trainings.errors.ineligible'; findings: Finding[] }
  | { ok: false; error: 'hours.errors.insufficient'; availableHundredths: number; neededHundredths: number };

const totalMinutes = (sessions: SessionTimes[]) => sessions.reduce((sum, s) => sum + (sessionMinutes(s) ?? 0), 0);

/** Creates a draft plan for a unit that trains with the centre, or changes a draft; sessions are replaced. */
export async function savePlanDraft(ctx: ActorContext, organisationId: string, trainingId: string | null, input: PlanInput): Promise<PlanResult> {
  if (input.sessions.some((s) => sessionMinutes(s) === null)) return { ok: false, error: 'trainings.errors.invalidSession' };
  return ctx.db.transaction(async (tx) => {
    const [unit] = await tx.select().from(units).where(and(eq(units.id, input.unitId), eq(units.organisationId, organisationId)));
    if (!unit || !unit.active || !unit.trainsWithCentre) return { ok: false, error: 'trainings.errors.unitNotTraining' };
    const now = ctx.clock.now();
    const firstDate = input.sessions.map((s) => s.date).sort()[0];
    const { sessions, ...fields } = input;
    const values = { ...fields, year: firstDate ? yearOf(firstDate) : yearOf(helsinkiDate(now)), teachingMinutes: totalMinutes(sessions), updatedAt: now };
    let id = trainingId;
    if (trainingId) {
      const [before] = await tx.select().from(trainings).where(and(eq(trainings.id, trainingId), eq(trainings.organisationId, organisationId))).for('update');
      if (!before) return { ok: false, error: 'notFound' };
      if (before.status !== 'draft') return { ok: false, error: 'trainings.errors.notDraft' };
      await tx.update(trainings).set(values).where(eq(trainings.id, trainingId));
      await tx.delete(trainingSessions).where(eq(trainingSessions.trainingId, trainingId));
    } else {
      const [created] = await tx.insert(trainings).values({ ...values, organisationId, createdBy: ctx.actor.userId, createdAt: now }).returning({ id: trainings.id });
      id = created!.id;
    }
    if (sessions.length) {
      await tx.insert(trainingSessions).values(
        sessions.map((s) => ({ trainingId: id!, date: s.date, startTime: s.start, endTime: s.end, breakMinutes: s.breakMinutes, place: s.place, onlineLink: s.onlineLink })),
      );
    }
    await writeAudit(tx, ctx.clock, { action: 'training.saved', actorUserId: ctx.actor.userId, targetType: 'training', targetId: id!, organisationId, details: { name: input.name, minutes: values.teachingMinutes } });
    return { ok: true, id: id! };
  });
}

/**
 * Submits a draft: the support rules are checked (a hard finding refuses, naming the rules) and its
 * hours are reserved in the same transaction (unit → ancestors → pool; a peer group from its quota).
 */
export async function submitPlan(ctx: ActorContext, organisationId: string, trainingId: string): Promise<PlanResult> {
  // Asked before the transaction: the embedded database has one connection.
  const [plan] = await ctx.db.select().from(trainings).where(and(eq(trainings.id, trainingId), eq(trainings.organisationId, organisationId)));
  if (!plan) return { ok: false, error: 'notFound' };
  const [rules, opening] = await Promise.all([supportRulesFor(ctx, plan.year), windowStatus(ctx, 'nextYearTrainings')]);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(trainings).where(eq(trainings.id, trainingId)).for('update');
    if (current!.status !== 'draft') return { ok: false, error: 'trainings.errors.notDraft' };
    const sessions = await tx.select().from(trainingSessions).where(eq(trainingSessions.trainingId, trainingId)).orderBy(asc(trainingSessions.date));
    const times = sessions.map((s) => ({ date: s.date, start: s.startTime, end: s.endTime, breakMinutes: s.breakMinutes }));
    const findings = checkEligibility({ ...current!, peerGroup: current!.type === 'peerGroup', sessions: times }, rules, {
      today: helsinkiDate(ctx.clock.now()),
      nextYearOpensOn: opening.periods[0]?.startsOn ?? `${opening.year}-12-01`,
    });
    if (findings.some((f) => f.severity === 'hard')) return { ok: false, error: 'trainings.errors.ineligible', findings };
    const needed = hundredthsFromMinutes(current!.teachingMinutes);
    const reserved = await reserveHours(
      { db: tx, clock: ctx.clock, actorUserId: ctx.actor.userId },
      { year: current!.year, organisationId, unitId: current!.unitId, trainingId, peerGroup: current!.type === 'peerGroup' },
      needed,
    );
    if (!reserved.ok) return { ok: false, error: 'hours.errors.insufficient', availableHundredths: reserved.availableHundredths, neededHundredths: needed };
    await tx.update(trainings).set({ status: 'submitted', submittedAt: ctx.clock.now(), updatedAt: ctx.clock.now() }).where(eq(trainings.id, trainingId));
    await writeAudit(tx, ctx.clock, { action: 'training.submitted', actorUserId: ctx.actor.userId, targetType: 'training', targetId: trainingId, organisationId, details: { hundredths: needed } });
    return { ok: true, id: trainingId };
  });
}

/** Cancels a plan; a submitted one gives its reserved hours back where they came from. */
export async function cancelPlan(ctx: ActorContext, organisationId: string, trainingId: string): Promise<PlanResult> {
  return ctx.db.transaction(async (tx) => {
    const [plan] = await tx.select().from(trainings).where(and(eq(trainings.id, trainingId), eq(trainings.organisationId, organisationId))).for('update');
    if (!plan) return { ok: false, error: 'notFound' };
    if (plan.status !== 'draft' && plan.status !== 'submitted') return { ok: false, error: 'trainings.errors.notDraft' };
    if (plan.status === 'submitted') await releaseReservation({ db: tx, clock: ctx.clock, actorUserId: ctx.actor.userId }, plan.year, trainingId, 'cancelled');
    await tx.update(trainings).set({ status: 'cancelled', updatedAt: ctx.clock.now() }).where(eq(trainings.id, trainingId));
    await writeAudit(tx, ctx.clock, { action: 'training.cancelled', actorUserId: ctx.actor.userId, targetType: 'training', targetId: trainingId, organisationId });
    return { ok: true, id: trainingId };
  });
}
