import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import type { ActorContext } from '../context';
import { trainingParticipants } from '../db/schema';
import type { Queryable } from '../db/types';
import type { TrainingStatus } from './kinds';
import { lockTraining } from './locked-training';
import { emailParticipant } from './participant-emails';
import type { ParticipantDetails } from './registration';
import { fillFreePlaces } from './waiting-list';

/** Participants are kept up to date until the expense report has been sent. */
export const participantsEditable: ReadonlySet<TrainingStatus> = new Set(['draft', 'submitted', 'ongoing', 'ended']);

const statusOrder = sql`case ${trainingParticipants.status} when 'registered' then 0 when 'waiting' then 1 else 2 end`;

/** Everyone on the training: the registered, then the waiting list, then cancellations, each in the order they came. */
export async function listParticipants(db: Queryable, trainingId: string) {
  return db
    .select({
      id: trainingParticipants.id,
      name: trainingParticipants.name,
      email: trainingParticipants.email,
      birthYear: trainingParticipants.birthYear,
      municipality: trainingParticipants.municipality,
      gender: trainingParticipants.gender,
      firstTimeThisYear: trainingParticipants.firstTimeThisYear,
      status: trainingParticipants.status,
      source: trainingParticipants.source,
      createdAt: trainingParticipants.createdAt,
    })
    .from(trainingParticipants)
    .where(eq(trainingParticipants.trainingId, trainingId))
    .orderBy(statusOrder, asc(trainingParticipants.arrival));
}

export type Participant = Awaited<ReturnType<typeof listParticipants>>[number];

export type AddParticipantsResult =
  | { ok: true; added: number }
  | { ok: false; error: 'notFound' | 'participants.errors.notEditable' }
  /** Rows (0-based, in the order given) whose email already has a place on the training. */
  | { ok: false; error: 'participants.errors.alreadyOnTraining'; rows: number[] };

/**
 * The trainer enters participants (one by hand, or a whole checked file): all are added with a
 * place, or none when any of them already has one. The trainer decides, so capacity does not stop them.
 */
export async function addParticipants(ctx: ActorContext, trainingId: string, people: ParticipantDetails[]): Promise<AddParticipantsResult> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const training = await lockTraining({ db: tx, clock: ctx.clock }, trainingId);
    if (!training) return { ok: false, error: 'notFound' };
    if (!participantsEditable.has(training.status)) return { ok: false, error: 'participants.errors.notEditable' };
    const emails = people.map((p) => p.email.toLowerCase()).filter(Boolean);
    const taken = emails.length
      ? new Set(
          (
            await tx
              .select({ email: sql<string>`lower(${trainingParticipants.email})` })
              .from(trainingParticipants)
              .where(and(eq(trainingParticipants.trainingId, trainingId), sql`${trainingParticipants.status} <> 'cancelled'`, inArray(sql`lower(${trainingParticipants.email})`, emails)))
          ).map((r) => r.email),
        )
      : new Set<string>();
    const clashes = people.flatMap((p, row) => (p.email && taken.has(p.email.toLowerCase()) ? [row] : []));
    if (clashes.length) return { ok: false, error: 'participants.errors.alreadyOnTraining', rows: clashes };
    if (people.length) {
      await tx.insert(trainingParticipants).values(
        people.map((p) => ({ ...p, trainingId, organisationId: training.organisationId, status: 'registered' as const, source: 'trainer' as const, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now })),
      );
    }
    await writeAudit(tx, ctx.clock, { action: 'participant.added', actorUserId: ctx.actor.userId, targetType: 'training', targetId: trainingId, organisationId: training.organisationId, details: { count: people.length } });
    return { ok: true, added: people.length };
  });
}

export type ParticipantChangeResult = { ok: true; promoted: number } | { ok: false; error: 'notFound' | 'participants.errors.notEditable' };

/** The trainer takes someone off the training (they are told, if they have an email); the freed place goes to the waiting list. */
export async function removeParticipant(ctx: ActorContext, trainingId: string, participantId: string, links: { publicUrl: string }): Promise<ParticipantChangeResult> {
  return ctx.db.transaction(async (tx) => {
    const write = { db: tx, clock: ctx.clock };
    const training = await lockTraining(write, trainingId);
    if (!training) return { ok: false, error: 'notFound' };
    const [participant] = await tx.select().from(trainingParticipants).where(and(eq(trainingParticipants.id, participantId), eq(trainingParticipants.trainingId, trainingId)));
    if (!participant) return { ok: false, error: 'notFound' };
    // Pressed twice (or already cancelled by the person): nothing more to do.
    if (participant.status === 'cancelled') return { ok: true, promoted: 0 };
    if (!participantsEditable.has(training.status)) return { ok: false, error: 'participants.errors.notEditable' };
    const now = ctx.clock.now();
    await tx.update(trainingParticipants).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(trainingParticipants.id, participantId));
    if (participant.source === 'registration') await emailParticipant(write, participant, 'participantRemoved', training, links);
    await writeAudit(tx, ctx.clock, { action: 'participant.removed', actorUserId: ctx.actor.userId, targetType: 'participant', targetId: participantId, organisationId: training.organisationId, details: { trainingId, was: participant.status } });
    const promoted = participant.status === 'registered' ? await fillFreePlaces(write, training, links, ctx.actor.userId) : 0;
    return { ok: true, promoted };
  });
}

/** After the trainer has raised the capacity: the waiting list gets the new places. */
export async function promoteWaiting(ctx: ActorContext, trainingId: string, links: { publicUrl: string }): Promise<ParticipantChangeResult> {
  return ctx.db.transaction(async (tx) => {
    const write = { db: tx, clock: ctx.clock };
    const training = await lockTraining(write, trainingId);
    if (!training) return { ok: false, error: 'notFound' };
    if (!participantsEditable.has(training.status)) return { ok: false, error: 'participants.errors.notEditable' };
    return { ok: true, promoted: await fillFreePlaces(write, training, links, ctx.actor.userId) };
  });
}
