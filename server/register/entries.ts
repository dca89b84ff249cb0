import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { type Language, translateDynamic } from '../../app/i18n';
import { writeAudit } from '../access/audit';
import { newLinkSecret } from '../access/tokens';
import { issueModelBadge, revokeModelBadge } from '../badges/model-badges';
import { formatDateRange } from '../calendar/format';
import type { WriteContext } from '../context';
import {
  organisations,
  participantProfiles,
  registerConsents,
  studyRegisterEntries,
  trainingModelVersions,
  trainingParticipants,
  trainingResults,
  trainingSessions,
  trainings,
  withdrawnCertificates,
} from '../db/schema';
import { formatCredits } from '../models/format';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { formatVerificationCode, newVerificationCode } from './verification-code';

export interface RegisterLinks {
  publicUrl: string;
}

/** What the register needs of a participation: the person, the training's model and dates, the result and consent. */
async function participationForRegister(ctx: WriteContext, participantId: string) {
  const [row] = await ctx.db
    .select({
      participantId: trainingParticipants.id,
      name: trainingParticipants.name,
      email: trainingParticipants.email,
      language: trainingParticipants.language,
      trainingId: trainings.id,
      organisationId: trainings.organisationId,
      organisationName: organisations.name,
      modelVersionId: trainingModelVersions.id,
      content: trainingModelVersions.content,
      creditTenths: trainingModelVersions.creditTenths,
      startsOn: trainings.startsOn,
      endsOn: trainings.endsOn,
      outcome: trainingResults.outcome,
      consentedAt: registerConsents.consentedAt,
      entryId: studyRegisterEntries.id,
    })
    .from(trainingParticipants)
    .innerJoin(trainings, eq(trainings.id, trainingParticipants.trainingId))
    .innerJoin(organisations, eq(organisations.id, trainings.organisationId))
    .innerJoin(trainingModelVersions, eq(trainingModelVersions.id, trainings.modelVersionId))
    .leftJoin(trainingResults, eq(trainingResults.participantId, trainingParticipants.id))
    .leftJoin(registerConsents, eq(registerConsents.participantId, trainingParticipants.id))
    .leftJoin(studyRegisterEntries, eq(studyRegisterEntries.participantId, trainingParticipants.id))
    .where(eq(trainingParticipants.id, participantId));
  return row ?? null;
}

/** Where the training was held, as the certificate prints it: its first session's place. */
async function trainingPlace(ctx: WriteContext, trainingId: string): Promise<string> {
  const [first] = await ctx.db
    .select({ place: trainingSessions.place })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.trainingId, trainingId), ne(trainingSessions.place, '')))
    .orderBy(asc(trainingSessions.date), asc(trainingSessions.startTime))
    .limit(1);
  return first?.place ?? '';
}

export type RegisterOutcome = 'entered' | 'consentRequested' | 'none';

/**
 * Locks a participation's result until the transaction ends: every path that writes the register
 * (marking, correcting, consenting by link or in the portal) takes it before the consent row, so a
 * pass corrected to a failure and a consent given at the same moment cannot both go through.
 */
export async function lockResult(ctx: WriteContext, participantId: string) {
  const [row] = await ctx.db.select({ outcome: trainingResults.outcome }).from(trainingResults).where(eq(trainingResults.participantId, participantId)).for('update');
  return row ?? null;
}

/**
 * Brings the register in line with a participation: a passed result with consent is entered
 * (once) and the person told their certificate is ready; a passed result without consent asks
 * for it by email, once. Anything else enters nothing.
 */
export async function updateRegisterFor(ctx: WriteContext, participantId: string, links: RegisterLinks, actorUserId: string | null): Promise<RegisterOutcome> {
  if ((await lockResult(ctx, participantId))?.outcome !== 'passed') return 'none';
  const p = await participationForRegister(ctx, participantId);
  if (!p || p.outcome !== 'passed' || p.entryId || !p.startsOn || !p.endsOn || !p.creditTenths) return 'none';
  const to = { email: p.email, language: p.language as Language };
  const facts = { name: p.name, training: p.content.name, credits: formatCredits(to.language, p.creditTenths), organisation: p.organisationName, dates: formatDateRange(to.language, p.startsOn, p.endsOn) };
  if (!p.consentedAt) {
    // Someone who withdrew their consent in the portal is not asked again; registering with consent still enters.
    if (!p.email || (await hasWithdrawnConsent(ctx, p.email))) return 'none';
    const requested = await requestConsent(ctx, participantId);
    if (!requested) return 'none';
    await enqueueTemplatedEmail(ctx, to, 'registerConsentRequest', { ...facts, consentUrl: `${links.publicUrl}/study-register/consent/${requested}` });
    return 'consentRequested';
  }
  const now = ctx.clock.now();
  const [entry] = await ctx.db
    .insert(studyRegisterEntries)
    .values({
      participantId,
      trainingId: p.trainingId,
      organisationId: p.organisationId,
      modelVersionId: p.modelVersionId,
      personName: p.name,
      personEmail: p.email.toLowerCase(),
      organisationName: p.organisationName,
      modelName: p.content.name,
      creditTenths: p.creditTenths,
      outcomes: p.content.outcomes.filter((o) => o.trim()),
      firstDay: p.startsOn,
      completedOn: p.endsOn,
      place: await trainingPlace(ctx, p.trainingId),
      verificationCode: newVerificationCode(),
      createdAt: now,
    })
    .onConflictDoNothing({ target: studyRegisterEntries.participantId })
    .returning({ id: studyRegisterEntries.id });
  if (!entry) return 'none';
  await writeAudit(ctx.db, ctx.clock, { action: 'studyRegister.entered', actorUserId, targetType: 'studyRegisterEntry', targetId: entry!.id, organisationId: p.organisationId, details: { participantId, trainingId: p.trainingId } });
  await enqueueTemplatedEmail(ctx, to, 'registerEntered', { ...facts, portalUrl: `${links.publicUrl}/portal` });
  await issueModelBadge(ctx, { id: entry.id, modelVersionId: p.modelVersionId, organisationId: p.organisationId, personName: p.name, personEmail: p.email, language: to.language }, actorUserId, links);
  return 'entered';
}

async function hasWithdrawnConsent(ctx: WriteContext, email: string): Promise<boolean> {
  const [profile] = await ctx.db.select({ at: participantProfiles.consentWithdrawnAt }).from(participantProfiles).where(eq(participantProfiles.email, email.toLowerCase()));
  return profile?.at != null;
}

/** A consent link's secret for the participation, unless one was already sent (null then). */
async function requestConsent(ctx: WriteContext, participantId: string): Promise<string | null> {
  const secret = newLinkSecret();
  const [row] = await ctx.db
    .insert(registerConsents)
    .values({ participantId, requestTokenHash: secret.hash, requestedAt: ctx.clock.now() })
    .onConflictDoUpdate({ target: registerConsents.participantId, set: { requestTokenHash: secret.hash, requestedAt: ctx.clock.now() }, setWhere: sql`${registerConsents.requestTokenHash} IS NULL AND ${registerConsents.consentedAt} IS NULL` })
    .returning({ participantId: registerConsents.participantId });
  return row ? secret.token : null;
}

/**
 * A result corrected to failed takes its entry out: the person's data goes, the code answers
 * "withdrawn", and the person is told (their certificate no longer verifies).
 */
export async function withdrawEntry(ctx: WriteContext, participantId: string, actorUserId: string | null, organisationId: string) {
  const [entry] = await ctx.db.select().from(studyRegisterEntries).where(eq(studyRegisterEntries.participantId, participantId));
  if (!entry) return;
  const [person] = await ctx.db.select({ language: trainingParticipants.language }).from(trainingParticipants).where(eq(trainingParticipants.id, participantId));
  const language = (person?.language ?? 'fi') as Language;
  await revokeModelBadge(ctx, entry.id, actorUserId, translateDynamic(language, 'badges.revokedWithEntry'));
  await ctx.db.delete(studyRegisterEntries).where(eq(studyRegisterEntries.id, entry.id));
  await ctx.db.insert(withdrawnCertificates).values({ verificationCode: entry.verificationCode, withdrawnAt: ctx.clock.now() });
  await enqueueTemplatedEmail(ctx, { email: entry.personEmail, language }, 'registerWithdrawn', {
    name: entry.personName,
    training: entry.modelName,
    organisation: entry.organisationName,
    dates: formatDateRange(language, entry.firstDay, entry.completedOn),
    code: formatVerificationCode(entry.verificationCode),
  });
  await writeAudit(ctx.db, ctx.clock, { action: 'studyRegister.withdrawn', actorUserId, targetType: 'studyRegisterEntry', targetId: entry.id, organisationId, details: { participantId } });
}
