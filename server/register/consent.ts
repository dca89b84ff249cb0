import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { hashToken } from '../access/tokens';
import type { DomainContext } from '../context';
import { organisations, participantProfiles, registerConsents, studyRegisterEntries, trainingModelVersions, trainingParticipants, trainingResults, trainings } from '../db/schema';
import type { Queryable } from '../db/types';
import { type RegisterLinks, lockResult, updateRegisterFor } from './entries';

/** What a consent link's page shows: the person's passed training, and whether consent is already given. */
export async function consentRequest(db: Queryable, token: string) {
  const [row] = await db
    .select({
      participantId: registerConsents.participantId,
      consentedAt: registerConsents.consentedAt,
      name: trainingParticipants.name,
      training: trainings.name,
      organisation: organisations.name,
      model: sql<string>`${trainingModelVersions.content}->>'name'`,
      creditTenths: trainingModelVersions.creditTenths,
      startsOn: trainings.startsOn,
      endsOn: trainings.endsOn,
      outcome: trainingResults.outcome,
    })
    .from(registerConsents)
    .innerJoin(trainingParticipants, eq(trainingParticipants.id, registerConsents.participantId))
    .innerJoin(trainings, eq(trainings.id, trainingParticipants.trainingId))
    .innerJoin(organisations, eq(organisations.id, trainings.organisationId))
    .innerJoin(trainingModelVersions, eq(trainingModelVersions.id, trainings.modelVersionId))
    .leftJoin(trainingResults, eq(trainingResults.participantId, registerConsents.participantId))
    .where(eq(registerConsents.requestTokenHash, hashToken(token)));
  return row ?? null;
}

/**
 * Consent given by the emailed link: the passed result is entered at once. A result corrected to a
 * failure since the link was sent is not passed any more: nothing is given or entered then.
 */
export async function giveConsentByLink(ctx: DomainContext, token: string, links: RegisterLinks): Promise<'entered' | 'alreadyGiven' | 'notPassed' | 'notFound'> {
  return ctx.db.transaction(async (tx) => {
    const write = { db: tx, clock: ctx.clock };
    const [asked] = await tx.select({ participantId: registerConsents.participantId }).from(registerConsents).where(eq(registerConsents.requestTokenHash, hashToken(token)));
    if (!asked) return 'notFound';
    // The result first, then the consent: the order every writer of the register locks them in.
    const result = await lockResult(write, asked.participantId);
    const [row] = await tx.select().from(registerConsents).where(and(eq(registerConsents.participantId, asked.participantId), eq(registerConsents.requestTokenHash, hashToken(token)))).for('update');
    if (!row) return 'notFound';
    if (row.consentedAt) return 'alreadyGiven';
    if (result?.outcome !== 'passed') return 'notPassed';
    await tx.update(registerConsents).set({ consentedAt: ctx.clock.now() }).where(eq(registerConsents.participantId, row.participantId));
    await writeAudit(tx, ctx.clock, { action: 'studyRegister.consentGiven', actorUserId: null, targetType: 'participant', targetId: row.participantId, details: { by: 'link' } });
    return (await updateRegisterFor(write, row.participantId, links, null)) === 'entered' ? 'entered' : 'alreadyGiven';
  });
}

/** Consent given in the portal for one of the person's own passed participations. */
export async function giveConsentInPortal(ctx: DomainContext, email: string, participantId: string, links: RegisterLinks): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: trainingParticipants.id })
      .from(trainingParticipants)
      .where(and(eq(trainingParticipants.id, participantId), sql`lower(${trainingParticipants.email}) = ${email}`))
      .for('update');
    if (!own) return false;
    await lockResult({ db: tx, clock: ctx.clock }, participantId);
    const now = ctx.clock.now();
    await tx.insert(registerConsents).values({ participantId, consentedAt: now }).onConflictDoUpdate({ target: registerConsents.participantId, set: { consentedAt: now } });
    await writeAudit(tx, ctx.clock, { action: 'studyRegister.consentGiven', actorUserId: null, targetType: 'participant', targetId: participantId, details: { by: 'portal' } });
    await updateRegisterFor({ db: tx, clock: ctx.clock }, participantId, links, null);
    return true;
  });
}

/**
 * Withdraws consent for future entries: participations not yet entered lose their consent (and
 * any link that asks for it); entries already made stay, so certificates stay verifiable.
 */
export async function withdrawConsent(ctx: DomainContext, email: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const pending = tx
      .select({ id: trainingParticipants.id })
      .from(trainingParticipants)
      .leftJoin(studyRegisterEntries, eq(studyRegisterEntries.participantId, trainingParticipants.id))
      .where(and(sql`lower(${trainingParticipants.email}) = ${email}`, sql`${trainingParticipants.email} <> ''`, isNull(studyRegisterEntries.id)));
    const cleared = await tx.update(registerConsents).set({ consentedAt: null, requestTokenHash: null }).where(inArray(registerConsents.participantId, pending)).returning({ participantId: registerConsents.participantId });
    await tx
      .insert(participantProfiles)
      .values({ email, consentWithdrawnAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: participantProfiles.email, set: { consentWithdrawnAt: now, updatedAt: now } });
    // The participations it applied to name whose it was, without the address itself.
    await writeAudit(tx, ctx.clock, { action: 'studyRegister.consentWithdrawn', actorUserId: null, targetType: 'participantProfile', details: { participantIds: cleared.map((c) => c.participantId) } });
  });
}
