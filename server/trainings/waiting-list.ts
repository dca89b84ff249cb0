import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { newLinkSecret } from '../access/tokens';
import type { WriteContext } from '../context';
import type { Queryable } from '../db/types';
import { trainingParticipants } from '../db/schema';
import { type TrainingStatus, isUpcomingOrOngoing } from './kinds';
import { type TrainingForEmail, emailParticipant } from './participant-emails';

/** Registered participants per training (the waiting list and cancellations excluded). */
export async function registeredCounts(db: Queryable, trainingIds: string[]): Promise<Map<string, number>> {
  if (trainingIds.length === 0) return new Map();
  const rows = await db
    .select({ trainingId: trainingParticipants.trainingId, n: count() })
    .from(trainingParticipants)
    .where(and(inArray(trainingParticipants.trainingId, trainingIds), eq(trainingParticipants.status, 'registered')))
    .groupBy(trainingParticipants.trainingId);
  return new Map(rows.map((r) => [r.trainingId, r.n]));
}

export const registeredCount = async (db: Queryable, trainingId: string) => (await registeredCounts(db, [trainingId])).get(trainingId) ?? 0;

/**
 * Gives free places to the waiting list in the order people registered, each emailed with a new
 * cancel link. Called with the training's row locked, after a place is freed or added.
 */
export async function fillFreePlaces(
  ctx: WriteContext,
  training: TrainingForEmail & { capacity: number | null; organisationId: string; status: TrainingStatus },
  links: { publicUrl: string },
  actorUserId: string | null,
): Promise<number> {
  // Once the training has ended (or is cancelled) no place is worth giving.
  if (!isUpcomingOrOngoing(training.status)) return 0;
  const free = training.capacity === null ? null : training.capacity - (await registeredCount(ctx.db, training.id));
  if (free !== null && free <= 0) return 0;
  const waiting = ctx.db
    .select()
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.trainingId, training.id), eq(trainingParticipants.status, 'waiting')))
    .orderBy(asc(trainingParticipants.arrival));
  const promoted = await (free === null ? waiting : waiting.limit(free));
  const now = ctx.clock.now();
  for (const participant of promoted) {
    const cancel = newLinkSecret();
    await ctx.db.update(trainingParticipants).set({ status: 'registered', cancelTokenHash: cancel.hash, updatedAt: now }).where(eq(trainingParticipants.id, participant.id));
    await emailParticipant(ctx, participant, 'participantPromoted', training, { ...links, cancelToken: cancel.token });
    await writeAudit(ctx.db, ctx.clock, {
      action: 'participant.promoted',
      actorUserId,
      targetType: 'participant',
      targetId: participant.id,
      organisationId: training.organisationId,
      details: { trainingId: training.id },
    });
  }
  return promoted.length;
}
