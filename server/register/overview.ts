import { credentialsOf } from '../badges/credentials';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DomainContext } from '../context';
import {
  organisations,
  participantProfiles,
  registerConsents,
  sessionAttendance,
  studyRegisterEntries,
  trainingParticipants,
  trainingResults,
  trainings,
} from '../db/schema';

const ownParticipations = (email: string) => and(sql`lower(${trainingParticipants.email}) = ${email}`, sql`${trainingParticipants.email} <> ''`);

/** What the portal's front page shows a participant: their trainings, register entries and credits. */
export async function portalOverview(ctx: DomainContext, email: string) {
  const [participations, entries, [profile]] = await Promise.all([
    ctx.db
      .select({
        participantId: trainingParticipants.id,
        status: trainingParticipants.status,
        training: trainings.name,
        trainingStatus: trainings.status,
        organisation: organisations.name,
        startsOn: trainings.startsOn,
        endsOn: trainings.endsOn,
        basedOnModel: sql<boolean>`${trainings.modelVersionId} is not null`,
        outcome: trainingResults.outcome,
        consentedAt: registerConsents.consentedAt,
        entryId: studyRegisterEntries.id,
      })
      .from(trainingParticipants)
      .innerJoin(trainings, eq(trainings.id, trainingParticipants.trainingId))
      .innerJoin(organisations, eq(organisations.id, trainings.organisationId))
      .leftJoin(trainingResults, eq(trainingResults.participantId, trainingParticipants.id))
      .leftJoin(registerConsents, eq(registerConsents.participantId, trainingParticipants.id))
      .leftJoin(studyRegisterEntries, eq(studyRegisterEntries.participantId, trainingParticipants.id))
      .where(ownParticipations(email))
      .orderBy(desc(trainings.startsOn), asc(trainings.name)),
    ctx.db.select().from(studyRegisterEntries).where(eq(studyRegisterEntries.personEmail, email)).orderBy(desc(studyRegisterEntries.completedOn), asc(studyRegisterEntries.modelName)),
    ctx.db.select().from(participantProfiles).where(eq(participantProfiles.email, email)),
  ]);
  return {
    participations,
    entries,
    creditTenths: entries.reduce((sum, e) => sum + e.creditTenths, 0),
    consentWithdrawnAt: profile?.consentWithdrawnAt ?? null,
    language: profile?.language ?? null,
  };
}

/** Everything the system holds of the person (by their address), for them to download. */
export async function ownData(ctx: DomainContext, email: string) {
  const [participations, entries, [profile], attended, badges] = await Promise.all([
    ctx.db
      .select({
        training: trainings.name,
        organisation: organisations.name,
        startsOn: trainings.startsOn,
        endsOn: trainings.endsOn,
        name: trainingParticipants.name,
        email: trainingParticipants.email,
        birthYear: trainingParticipants.birthYear,
        municipality: trainingParticipants.municipality,
        gender: trainingParticipants.gender,
        firstTimeThisYear: trainingParticipants.firstTimeThisYear,
        status: trainingParticipants.status,
        source: trainingParticipants.source,
        language: trainingParticipants.language,
        privacyConsentAt: trainingParticipants.consentedAt,
        registeredAt: trainingParticipants.createdAt,
        cancelledAt: trainingParticipants.cancelledAt,
        participantId: trainingParticipants.id,
        result: trainingResults.outcome,
        resultJustification: trainingResults.justification,
        resultMarkedAt: trainingResults.markedAt,
        registerConsentAt: registerConsents.consentedAt,
      })
      .from(trainingParticipants)
      .innerJoin(trainings, eq(trainings.id, trainingParticipants.trainingId))
      .innerJoin(organisations, eq(organisations.id, trainings.organisationId))
      .leftJoin(trainingResults, eq(trainingResults.participantId, trainingParticipants.id))
      .leftJoin(registerConsents, eq(registerConsents.participantId, trainingParticipants.id))
      .where(ownParticipations(email))
      .orderBy(asc(trainingParticipants.createdAt)),
    ctx.db.select().from(studyRegisterEntries).where(eq(studyRegisterEntries.personEmail, email)).orderBy(asc(studyRegisterEntries.completedOn)),
    ctx.db.select().from(participantProfiles).where(eq(participantProfiles.email, email)),
    ctx.db
      .select({ participantId: sessionAttendance.participantId, date: sessionAttendance.sessionDate, start: sessionAttendance.sessionStart })
      .from(sessionAttendance)
      .innerJoin(trainingParticipants, eq(trainingParticipants.id, sessionAttendance.participantId))
      .where(ownParticipations(email))
      .orderBy(asc(sessionAttendance.sessionDate), asc(sessionAttendance.sessionStart)),
    credentialsOf(ctx.db, email),
  ]);
  return {
    email,
    exportedAt: ctx.clock.now().toISOString(),
    profile: profile ? { language: profile.language, registerConsentWithdrawnAt: profile.consentWithdrawnAt } : null,
    trainings: participations.map(({ participantId, ...p }) => ({ ...p, attendedSessions: attended.filter((a) => a.participantId === participantId).map(({ date, start }) => ({ date, start })) })),
    studyRegister: entries.map(({ participantId: _p, trainingId: _t, organisationId: _o, modelVersionId: _m, ...e }) => e),
    badges: badges.map((b) => ({ badge: b.badgeName, issuedAt: b.issuedAt, revokedAt: b.revokedAt })),
  };
}
