import { and, count, eq, sql } from 'drizzle-orm';
import type { Language } from '../../app/i18n';
import { writeAudit } from '../access/audit';
import { hashToken, newLinkSecret } from '../access/tokens';
import { helsinkiDate } from '../calendar/dates';
import type { DomainContext } from '../context';
import { organisations, registerConsents, trainingParticipants, trainings } from '../db/schema';
import type { Queryable } from '../db/types';
import { type Gender, isUpcomingOrOngoing } from './kinds';
import { lockTraining } from './locked-training';
import { emailParticipant } from './participant-emails';
import { registrationState } from './registration-state';
import { fillFreePlaces, registeredCount } from './waiting-list';

/** Who a participant is; the same fields whether they register or the trainer enters them. */
export interface ParticipantDetails {
  name: string;
  email: string;
  birthYear: number;
  municipality: string;
  gender: Gender | null;
  firstTimeThisYear: boolean;
}

export type RegistrationResult =
  | { ok: true; status: 'registered' | 'waiting'; position: number }
  | { ok: false; error: 'notFound' | 'publicCalendar.errors.closed' | 'publicCalendar.errors.alreadyRegistered' };

/** An active place (registered or waiting) of this email in the training. */
export async function activeRegistration(db: Queryable, trainingId: string, email: string) {
  const [row] = await db
    .select({ id: trainingParticipants.id })
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.trainingId, trainingId), sql`lower(${trainingParticipants.email}) = lower(${email})`, sql`${trainingParticipants.status} <> 'cancelled'`));
  return row ?? null;
}

/**
 * A visitor registers (having consented to the privacy notice): a place while there is one,
 * otherwise the waiting list. The confirmation email carries a link that cancels the place.
 */
export async function registerForTraining(
  ctx: DomainContext,
  trainingId: string,
  input: ParticipantDetails & { language: Language; registerConsent?: boolean },
  links: { publicUrl: string },
): Promise<RegistrationResult> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const write = { db: tx, clock: ctx.clock };
    const training = await lockTraining(write, trainingId);
    if (!training || !training.isPublic) return { ok: false, error: 'notFound' };
    if (!registrationState(training, 0, helsinkiDate(now)).open) return { ok: false, error: 'publicCalendar.errors.closed' };
    // Places added since (a raised capacity) go to those already waiting, never to a newcomer first.
    await fillFreePlaces(write, training, links, null);
    const state = registrationState(training, await registeredCount(tx, trainingId), helsinkiDate(now));
    if (!state.open) return { ok: false, error: 'publicCalendar.errors.closed' };
    if (await activeRegistration(tx, trainingId, input.email)) {
      // The page answers as for a new registration (whether someone is on a training is nobody else's business); the address itself is told.
      await emailParticipant(write, input, 'participantAlreadyRegistered', training, links);
      return { ok: false, error: 'publicCalendar.errors.alreadyRegistered' };
    }
    const status = state.freePlaces === 0 ? 'waiting' : 'registered';
    const cancel = newLinkSecret();
    const { registerConsent, ...details } = input;
    const [participant] = await tx
      .insert(trainingParticipants)
      .values({ ...details, trainingId, organisationId: training.organisationId, status, source: 'registration', consentedAt: now, cancelTokenHash: cancel.hash, createdAt: now, updatedAt: now })
      .returning({ id: trainingParticipants.id });
    // Consent to the study register is asked only where the training can give an entry (it is based on a model).
    if (registerConsent && training.modelVersionId) await tx.insert(registerConsents).values({ participantId: participant!.id, consentedAt: now });
    const position =
      status === 'waiting'
        ? ((await tx.select({ n: count() }).from(trainingParticipants).where(and(eq(trainingParticipants.trainingId, trainingId), eq(trainingParticipants.status, 'waiting'))))[0]?.n ?? 1)
        : 0;
    await emailParticipant(write, input, status === 'waiting' ? 'participantWaiting' : 'participantRegistered', training, { ...links, cancelToken: cancel.token, position });
    await writeAudit(tx, ctx.clock, { action: 'participant.registered', actorUserId: null, targetType: 'participant', targetId: participant!.id, organisationId: training.organisationId, details: { trainingId, status } });
    return { ok: true, status, position };
  });
}

/** The place behind a cancel link, with the training's name and dates. */
export async function registrationByToken(db: Queryable, token: string) {
  const [row] = await db
    .select({
      name: trainingParticipants.name,
      status: trainingParticipants.status,
      trainingId: trainings.id,
      trainingName: trainings.name,
      trainingStatus: trainings.status,
      organisationName: organisations.name,
      startsOn: trainings.startsOn,
      endsOn: trainings.endsOn,
    })
    .from(trainingParticipants)
    .innerJoin(trainings, eq(trainings.id, trainingParticipants.trainingId))
    .innerJoin(organisations, eq(organisations.id, trainings.organisationId))
    .where(eq(trainingParticipants.cancelTokenHash, hashToken(token)));
  return row ?? null;
}

export type CancelResult = { ok: true } | { ok: false; error: 'notFound' | 'publicCalendar.errors.alreadyCancelled' | 'publicCalendar.errors.trainingOver' };

/** Cancels the place behind a link; a freed place goes to the first on the waiting list (emailed). */
export async function cancelRegistration(ctx: DomainContext, token: string, links: { publicUrl: string }): Promise<CancelResult> {
  const found = await registrationByToken(ctx.db, token);
  if (!found) return { ok: false, error: 'notFound' };
  return ctx.db.transaction(async (tx) => {
    const write = { db: tx, clock: ctx.clock };
    const training = (await lockTraining(write, found.trainingId))!;
    const [participant] = await tx.select().from(trainingParticipants).where(eq(trainingParticipants.cancelTokenHash, hashToken(token)));
    if (!participant) return { ok: false, error: 'notFound' };
    if (participant.status === 'cancelled') return { ok: false, error: 'publicCalendar.errors.alreadyCancelled' };
    if (!isUpcomingOrOngoing(training.status)) return { ok: false, error: 'publicCalendar.errors.trainingOver' };
    const now = ctx.clock.now();
    await tx.update(trainingParticipants).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(trainingParticipants.id, participant.id));
    await emailParticipant(write, participant, 'participantCancelled', training, links);
    await writeAudit(tx, ctx.clock, { action: 'participant.cancelled', actorUserId: null, targetType: 'participant', targetId: participant.id, organisationId: training.organisationId, details: { trainingId: training.id, was: participant.status } });
    if (participant.status === 'registered') await fillFreePlaces(write, training, links, null);
    return { ok: true };
  });
}
