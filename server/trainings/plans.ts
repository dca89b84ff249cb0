import { and, asc, eq } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { helsinkiDate, yearOf } from '../calendar/dates';
import type { ActorContext } from '../context';
import type { Queryable, Transaction } from '../db/types';
import { trainingSessions, trainings, units } from '../db/schema';
import { approvedVersionOf } from '../models/versions';
import { adjustReservation, releaseReservation, reserveHours } from '../hours/ledger';
import type { Finding } from './eligibility';
import { eligibilityOf, hasHardFinding, planFindings, ruleSetFor } from './findings';
import { isUpcomingOrOngoing } from './kinds';
import { tellParticipantsOfCancellation } from './participant-emails';
import { statusByDate } from './status';
import { type SessionTimes, hundredthsFromMinutes, sessionMinutes, teachingMinutes } from './teaching-hours';

type TrainingRow = typeof trainings.$inferSelect;
export type PlannedSession = SessionTimes & { place: string; onlineLink: string };
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
  | 'isPublic'
  | 'capacity'
  | 'registrationEndsOn'
  | 'region'
> & { unitId: string; sessions: PlannedSession[]; modelVersionId?: string | null };

export type PlanError =
  | 'notFound'
  | 'trainings.errors.unitNotTraining'
  | 'trainings.errors.notEditable'
  | 'trainings.errors.notDraft'
  | 'trainings.errors.invalidSession'
  | 'trainings.errors.yearChanged'
  | 'trainings.errors.unitChanged'
  | 'trainings.errors.modelNotApproved';

export type PlanResult =
  | { ok: true; id: string }
  | { ok: false; error: PlanError }
  | { ok: false; error: 'trainings.errors.ineligible'; findings: Finding[] }
  | { ok: false; error: 'hours.errors.insufficient'; availableHundredths: number; neededHundredths: number };

/** A plan can be changed until it has ended; after that its realisation is the expense report's. */
export const editableStatuses: ReadonlySet<TrainingRow['status']> = new Set(['draft', 'submitted', 'ongoing']);

const ledger = (ctx: ActorContext, db: Transaction) => ({ db, clock: ctx.clock, actorUserId: ctx.actor.userId });

/** The dates and derived figures stored with a plan's fields. */
function derived(input: PlanInput, now: Date) {
  const dates = input.sessions.map((s) => s.date).sort();
  return {
    year: dates[0] ? yearOf(dates[0]) : yearOf(helsinkiDate(now)),
    startsOn: dates[0] ?? null,
    endsOn: dates.at(-1) ?? null,
    teachingMinutes: teachingMinutes(input.sessions),
  };
}

/**
 * Creates a draft for a unit that trains with the centre, or changes a plan that has not ended
 * (its sessions are replaced). A submitted plan stays eligible and in its year and unit, and its
 * reservation follows its new hours in the same transaction; when the pools cannot cover the
 * difference, nothing changes.
 */
export async function savePlan(ctx: ActorContext, organisationId: string, trainingId: string | null, input: PlanInput, copiedFromId: string | null = null): Promise<PlanResult> {
  if (input.sessions.some((s) => sessionMinutes(s) === null)) return { ok: false, error: 'trainings.errors.invalidSession' };
  const now = ctx.clock.now();
  const values = { ...input, ...derived(input, now), updatedAt: now };
  // Read before the transaction: the embedded database has one connection.
  const ruleSet = await ruleSetFor(ctx, values.year);
  return ctx.db.transaction(async (tx) => {
    const [unit] = await tx.select().from(units).where(and(eq(units.id, input.unitId), eq(units.organisationId, organisationId)));
    if (!unit || !unit.active || !unit.trainsWithCentre) return { ok: false, error: 'trainings.errors.unitNotTraining' };
    const { sessions, ...fields } = values;
    if (input.modelVersionId) {
      // Based on an approved model of its own organisation: its learning goals (and, if left empty, its target group) come from the model.
      const model = await approvedVersionOf(tx, organisationId, input.modelVersionId);
      if (!model) return { ok: false, error: 'trainings.errors.modelNotApproved' };
      fields.learningGoals = model.content.outcomes.join('\n');
      if (!fields.targetGroup) fields.targetGroup = model.content.targetGroup;
    }
    let id = trainingId;
    if (trainingId) {
      const [before] = await tx.select().from(trainings).where(and(eq(trainings.id, trainingId), eq(trainings.organisationId, organisationId))).for('update');
      if (!before) return { ok: false, error: 'notFound' };
      if (!editableStatuses.has(before.status)) return { ok: false, error: 'trainings.errors.notEditable' };
      let status = before.status;
      if (isUpcomingOrOngoing(before.status)) {
        if (fields.year !== before.year) return { ok: false, error: 'trainings.errors.yearChanged' };
        if (fields.unitId !== before.unitId) return { ok: false, error: 'trainings.errors.unitChanged' };
        const findings = planFindings(eligibilityOf({ ...fields, type: fields.type }, sessions), ruleSet, true);
        if (hasHardFinding(findings)) return { ok: false, error: 'trainings.errors.ineligible', findings };
        const needed = hundredthsFromMinutes(fields.teachingMinutes);
        // Adjusted before anything is written: a refusal leaves the plan as it was.
        const adjusted = await adjustReservation(ledger(ctx, tx), { year: before.year, organisationId, unitId: before.unitId, trainingId, peerGroup: fields.type === 'peerGroup' }, needed);
        if (!adjusted.ok) return { ok: false, error: 'hours.errors.insufficient', availableHundredths: adjusted.availableHundredths, neededHundredths: needed };
        status = statusByDate(before.status, fields.startsOn, fields.endsOn, ruleSet.context.today);
      }
      await tx.update(trainings).set({ ...fields, status }).where(eq(trainings.id, trainingId));
      await tx.delete(trainingSessions).where(eq(trainingSessions.trainingId, trainingId));
    } else {
      const [created] = await tx.insert(trainings).values({ ...fields, organisationId, copiedFromId, createdBy: ctx.actor.userId, createdAt: now }).returning({ id: trainings.id });
      id = created!.id;
    }
    if (sessions.length) {
      await tx.insert(trainingSessions).values(
        sessions.map((s) => ({ trainingId: id!, date: s.date, startTime: s.start, endTime: s.end, breakMinutes: s.breakMinutes, place: s.place, onlineLink: s.onlineLink })),
      );
    }
    await writeAudit(tx, ctx.clock, {
      action: 'training.saved',
      actorUserId: ctx.actor.userId,
      targetType: 'training',
      targetId: id!,
      organisationId,
      details: { name: input.name, minutes: fields.teachingMinutes, sessions: sessions.length, ...(copiedFromId ? { copiedFromId } : {}) },
    });
    return { ok: true, id: id! };
  });
}

/** The stored sessions as the rules and the ledger see them. */
export async function planSessions(db: Queryable, trainingId: string): Promise<PlannedSession[]> {
  const rows = await db.select().from(trainingSessions).where(eq(trainingSessions.trainingId, trainingId)).orderBy(asc(trainingSessions.date), asc(trainingSessions.startTime));
  return rows.map((s) => ({ date: s.date, start: s.startTime, end: s.endTime, breakMinutes: s.breakMinutes, place: s.place, onlineLink: s.onlineLink }));
}

/**
 * Submits a draft: the support rules are checked (a hard finding refuses, naming the rules) and its
 * hours are reserved in the same transaction (unit → ancestors → pool; a peer group from its quota).
 */
export async function submitPlan(ctx: ActorContext, organisationId: string, trainingId: string): Promise<PlanResult> {
  const [plan] = await ctx.db.select().from(trainings).where(and(eq(trainings.id, trainingId), eq(trainings.organisationId, organisationId)));
  if (!plan) return { ok: false, error: 'notFound' };
  const ruleSet = await ruleSetFor(ctx, plan.year);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(trainings).where(eq(trainings.id, trainingId)).for('update');
    if (current!.status !== 'draft') return { ok: false, error: 'trainings.errors.notDraft' };
    const findings = planFindings(eligibilityOf(current!, await planSessions(tx, trainingId)), ruleSet, false);
    if (hasHardFinding(findings)) return { ok: false, error: 'trainings.errors.ineligible', findings };
    const needed = hundredthsFromMinutes(current!.teachingMinutes);
    const reserved = await reserveHours(ledger(ctx, tx), { year: current!.year, organisationId, unitId: current!.unitId, trainingId, peerGroup: current!.type === 'peerGroup' }, needed);
    if (!reserved.ok) return { ok: false, error: 'hours.errors.insufficient', availableHundredths: reserved.availableHundredths, neededHundredths: needed };
    const status = statusByDate('submitted', current!.startsOn, current!.endsOn, ruleSet.context.today);
    await tx.update(trainings).set({ status, submittedAt: ctx.clock.now(), updatedAt: ctx.clock.now() }).where(eq(trainings.id, trainingId));
    await writeAudit(tx, ctx.clock, { action: 'training.submitted', actorUserId: ctx.actor.userId, targetType: 'training', targetId: trainingId, organisationId, details: { hundredths: needed } });
    return { ok: true, id: trainingId };
  });
}

/** Cancels a plan that has not ended; a submitted or ongoing one gives its reserved hours back where they came from. */
export async function cancelPlan(ctx: ActorContext, organisationId: string, trainingId: string, links: { publicUrl: string }): Promise<PlanResult> {
  return ctx.db.transaction(async (tx) => {
    const [plan] = await tx.select().from(trainings).where(and(eq(trainings.id, trainingId), eq(trainings.organisationId, organisationId))).for('update');
    if (!plan) return { ok: false, error: 'notFound' };
    if (!editableStatuses.has(plan.status)) return { ok: false, error: 'trainings.errors.notEditable' };
    if (isUpcomingOrOngoing(plan.status)) await releaseReservation(ledger(ctx, tx), plan.year, trainingId, 'cancelled');
    await tx.update(trainings).set({ status: 'cancelled', updatedAt: ctx.clock.now() }).where(eq(trainings.id, trainingId));
    await writeAudit(tx, ctx.clock, { action: 'training.cancelled', actorUserId: ctx.actor.userId, targetType: 'training', targetId: trainingId, organisationId, details: { status: plan.status } });
    await tellParticipantsOfCancellation({ db: tx, clock: ctx.clock }, trainingId, links);
    return { ok: true, id: trainingId };
  });
}
