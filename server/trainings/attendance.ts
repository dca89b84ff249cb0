import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { type IsoDate, helsinkiDate } from '../calendar/dates';
import { supportRulesFor } from '../centre/support-rules';
import type { ActorContext, DomainContext, WriteContext } from '../context';
import { sessionAttendance, sessionAttendanceCounts, trainingParticipants, trainingSessions, trainings } from '../db/schema';
import type { Queryable } from '../db/types';
import type { TrainingStatus } from './kinds';
import { lockTraining } from './locked-training';
import { participantsEditable } from './participants';

/** A session as attendance names it: its date and start time. */
export interface SessionKey {
  date: IsoDate;
  start: string;
}

/** Attendance is taken for held sessions of a training that runs or has ended (until it is reported). */
export function attendanceOpen(status: TrainingStatus, session: SessionKey, today: IsoDate): boolean {
  return (status === 'submitted' || status === 'ongoing' || status === 'ended') && session.date <= today;
}

/** The registered participants with whether they were at the session, and the session's group counts. */
export async function attendanceSheet(db: Queryable, trainingId: string, session: SessionKey) {
  const [people, [counts]] = await Promise.all([
    db
      .select({
        id: trainingParticipants.id,
        name: trainingParticipants.name,
        birthYear: trainingParticipants.birthYear,
        present: sql<boolean>`exists (select 1 from ${sessionAttendance} where ${sessionAttendance.participantId} = ${trainingParticipants.id} and ${sessionAttendance.sessionDate} = ${session.date} and ${sessionAttendance.sessionStart} = ${session.start})`,
      })
      .from(trainingParticipants)
      .where(and(eq(trainingParticipants.trainingId, trainingId), eq(trainingParticipants.status, 'registered')))
      .orderBy(asc(trainingParticipants.name), asc(trainingParticipants.arrival)),
    db
      .select({ adults: sessionAttendanceCounts.adults, minors: sessionAttendanceCounts.minors })
      .from(sessionAttendanceCounts)
      .where(and(eq(sessionAttendanceCounts.trainingId, trainingId), eq(sessionAttendanceCounts.sessionDate, session.date), eq(sessionAttendanceCounts.sessionStart, session.start))),
  ]);
  return { people, counts: counts ?? null };
}

export type AttendanceError = 'notFound' | 'attendance.errors.notOpen' | 'attendance.errors.unknownParticipant' | 'attendance.errors.wrongMode';
export type AttendanceResult = { ok: true } | { ok: false; error: AttendanceError };

/** Checks, with the training locked, that the session is one of its held sessions and the mode is the one recorded. */
async function openSession(ctx: WriteContext, trainingId: string, session: SessionKey, mode: 'list' | 'counts') {
  const training = await lockTraining(ctx, trainingId);
  if (!training) return { error: 'notFound' as const };
  const [held] = await ctx.db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.trainingId, trainingId), eq(trainingSessions.date, session.date), eq(trainingSessions.startTime, session.start)))
    .limit(1);
  if (!held) return { error: 'notFound' as const };
  if (!attendanceOpen(training.status, session, helsinkiDate(ctx.clock.now()))) return { error: 'attendance.errors.notOpen' as const };
  if (training.attendanceMode !== mode) return { error: 'attendance.errors.wrongMode' as const };
  return { error: null, training };
}

/** Saves who was present at a session (the whole list at once: unticked means absent). */
export async function recordAttendance(ctx: ActorContext, trainingId: string, session: SessionKey, presentIds: string[]): Promise<AttendanceResult> {
  return ctx.db.transaction(async (tx) => {
    const opened = await openSession({ db: tx, clock: ctx.clock }, trainingId, session, 'list');
    if (opened.error !== null) return { ok: false, error: opened.error };
    const unique = [...new Set(presentIds)];
    if (unique.length) {
      const [known] = await tx
        .select({ n: count() })
        .from(trainingParticipants)
        .where(and(eq(trainingParticipants.trainingId, trainingId), eq(trainingParticipants.status, 'registered'), inArray(trainingParticipants.id, unique)));
      if ((known?.n ?? 0) !== unique.length) return { ok: false, error: 'attendance.errors.unknownParticipant' };
    }
    await tx
      .delete(sessionAttendance)
      .where(and(eq(sessionAttendance.trainingId, trainingId), eq(sessionAttendance.sessionDate, session.date), eq(sessionAttendance.sessionStart, session.start)));
    if (unique.length) await tx.insert(sessionAttendance).values(unique.map((participantId) => ({ trainingId, participantId, sessionDate: session.date, sessionStart: session.start })));
    await writeAudit(tx, ctx.clock, { action: 'attendance.recorded', actorUserId: ctx.actor.userId, targetType: 'training', targetId: trainingId, organisationId: opened.training.organisationId, details: { session, present: unique.length } });
    return { ok: true };
  });
}

/** Saves a large lecture's session as counts per age group. */
export async function recordAttendanceCounts(ctx: ActorContext, trainingId: string, session: SessionKey, counts: { adults: number; minors: number }): Promise<AttendanceResult> {
  return ctx.db.transaction(async (tx) => {
    const opened = await openSession({ db: tx, clock: ctx.clock }, trainingId, session, 'counts');
    if (opened.error !== null) return { ok: false, error: opened.error };
    await tx
      .insert(sessionAttendanceCounts)
      .values({ trainingId, sessionDate: session.date, sessionStart: session.start, ...counts })
      .onConflictDoUpdate({ target: [sessionAttendanceCounts.trainingId, sessionAttendanceCounts.sessionDate, sessionAttendanceCounts.sessionStart], set: counts });
    await writeAudit(tx, ctx.clock, { action: 'attendance.recorded', actorUserId: ctx.actor.userId, targetType: 'training', targetId: trainingId, organisationId: opened.training.organisationId, details: { session, ...counts } });
    return { ok: true };
  });
}

/** Switches between a named list and counts per group; what was recorded the other way is kept. */
export async function setAttendanceMode(ctx: ActorContext, trainingId: string, mode: 'list' | 'counts'): Promise<AttendanceResult> {
  return ctx.db.transaction(async (tx) => {
    const training = await lockTraining({ db: tx, clock: ctx.clock }, trainingId);
    if (!training) return { ok: false, error: 'notFound' };
    if (!participantsEditable.has(training.status)) return { ok: false, error: 'attendance.errors.notOpen' };
    await tx.update(trainings).set({ attendanceMode: mode, updatedAt: ctx.clock.now() }).where(eq(trainings.id, trainingId));
    await writeAudit(tx, ctx.clock, { action: 'attendance.modeChanged', actorUserId: ctx.actor.userId, targetType: 'training', targetId: trainingId, organisationId: training.organisationId, details: { mode } });
    return { ok: true };
  });
}

/**
 * What the expense report takes from attendance: per session who or how many were there, and the
 * participants who attended aged at least the year's minimum age (15). With counts per group the
 * people are not known, so the largest session's count of adults stands for them.
 */
export async function attendanceSummary(ctx: DomainContext, trainingId: string) {
  const [training] = await ctx.db.select({ year: trainings.year, mode: trainings.attendanceMode }).from(trainings).where(eq(trainings.id, trainingId));
  if (!training) return null;
  const rules = await supportRulesFor(ctx, training.year);
  const adultBornBy = training.year - rules.minParticipantAge;
  const [present, counts, [attended]] = await Promise.all([
    ctx.db
      .select({ date: sessionAttendance.sessionDate, start: sessionAttendance.sessionStart, n: count() })
      .from(sessionAttendance)
      .where(eq(sessionAttendance.trainingId, trainingId))
      .groupBy(sessionAttendance.sessionDate, sessionAttendance.sessionStart),
    ctx.db.select().from(sessionAttendanceCounts).where(eq(sessionAttendanceCounts.trainingId, trainingId)),
    ctx.db
      .select({ adults: sql<number>`count(distinct ${trainingParticipants.id}) filter (where ${trainingParticipants.birthYear} <= ${adultBornBy})`.mapWith(Number), all: sql<number>`count(distinct ${trainingParticipants.id})`.mapWith(Number) })
      .from(sessionAttendance)
      .innerJoin(trainingParticipants, eq(trainingParticipants.id, sessionAttendance.participantId))
      .where(eq(sessionAttendance.trainingId, trainingId)),
  ]);
  if (training.mode === 'counts') {
    return {
      mode: training.mode,
      minimumAge: rules.minParticipantAge,
      sessions: counts.map((c) => ({ date: c.sessionDate, start: c.sessionStart, adults: c.adults, minors: c.minors })),
      attendedAdults: Math.max(0, ...counts.map((c) => c.adults)),
      attended: Math.max(0, ...counts.map((c) => c.adults + c.minors)),
    };
  }
  return {
    mode: training.mode,
    minimumAge: rules.minParticipantAge,
    sessions: present.map((p) => ({ date: p.date, start: p.start, present: p.n })),
    attendedAdults: attended?.adults ?? 0,
    attended: attended?.all ?? 0,
  };
}
