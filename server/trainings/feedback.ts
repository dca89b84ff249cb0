import { and, asc, avg, count, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { hashToken, newLinkSecret } from '../access/tokens';
import { addDays, helsinkiDate } from '../calendar/dates';
import type { DomainContext } from '../context';
import { feedbackAnswers, feedbackLinks, organisations, trainingParticipants, trainings } from '../db/schema';
import type { Queryable } from '../db/types';
import { endedStatuses } from './kinds';
import { emailParticipant } from './participant-emails';

/** How long a feedback link is open after it is sent. */
export const feedbackOpenDays = 30;
/** Trainings that ended longer ago than this are not asked about any more (a late first run of the job). */
const askWithinDays = 14;

/**
 * After a training ends its participants (those with a place and an email) get a one-time link to
 * an anonymous feedback form. Each training is claimed once, whatever the number of instances.
 */
export async function requestFeedback(ctx: DomainContext, links: { publicUrl: string }): Promise<number> {
  const now = ctx.clock.now();
  const today = helsinkiDate(now);
  const due = await ctx.db
    .select({ id: trainings.id })
    .from(trainings)
    .where(and(inArray(trainings.status, endedStatuses), isNull(trainings.feedbackRequestedAt), lt(trainings.endsOn, today), gte(trainings.endsOn, addDays(today, -askWithinDays))))
    .orderBy(asc(trainings.endsOn))
    .limit(100);
  let sent = 0;
  for (const { id } of due) {
    sent += await ctx.db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(trainings)
        .set({ feedbackRequestedAt: now })
        .where(and(eq(trainings.id, id), isNull(trainings.feedbackRequestedAt)))
        .returning({ id: trainings.id, name: trainings.name, organisationId: trainings.organisationId, startsOn: trainings.startsOn, endsOn: trainings.endsOn });
      if (!claimed) return 0;
      const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, claimed.organisationId));
      const people = await tx
        .select({ name: trainingParticipants.name, email: trainingParticipants.email, language: trainingParticipants.language })
        .from(trainingParticipants)
        .where(and(eq(trainingParticipants.trainingId, id), eq(trainingParticipants.status, 'registered'), sql`${trainingParticipants.email} <> ''`));
      const expiresAt = new Date(now.getTime() + feedbackOpenDays * 24 * 3_600_000);
      for (const person of people) {
        const { token, hash } = newLinkSecret();
        await tx.insert(feedbackLinks).values({ trainingId: id, tokenHash: hash, expiresAt });
        await emailParticipant({ db: tx, clock: ctx.clock }, person, 'participantFeedback', { ...claimed, organisationName: organisation?.name ?? '' }, { ...links, feedbackToken: token });
      }
      await writeAudit(tx, ctx.clock, { action: 'feedback.requested', actorUserId: null, targetType: 'training', targetId: id, organisationId: claimed.organisationId, details: { links: people.length } });
      return people.length;
    });
  }
  return sent;
}

export type FeedbackLinkState = 'open' | 'used' | 'expired';

/** The training a feedback link is about, and whether it can still be answered. */
export async function feedbackLink(ctx: DomainContext, token: string) {
  const [row] = await ctx.db
    .select({ trainingName: trainings.name, organisationName: organisations.name, startsOn: trainings.startsOn, endsOn: trainings.endsOn, used: feedbackLinks.used, expiresAt: feedbackLinks.expiresAt })
    .from(feedbackLinks)
    .innerJoin(trainings, eq(trainings.id, feedbackLinks.trainingId))
    .innerJoin(organisations, eq(organisations.id, trainings.organisationId))
    .where(eq(feedbackLinks.tokenHash, hashToken(token)));
  if (!row) return null;
  const state: FeedbackLinkState = row.used ? 'used' : row.expiresAt <= ctx.clock.now() ? 'expired' : 'open';
  return { ...row, state };
}

export interface FeedbackAnswer {
  grade: number;
  good: string;
  improve: string;
}

export type AnswerResult = { ok: true } | { ok: false; error: 'notFound' | 'feedback.errors.used' | 'feedback.errors.expired' };

/**
 * Saves an answer and uses up the link, in one transaction. The answer keeps no reference to the
 * link and the link no time of use, so nobody can tell whose answer it is. Not audited for that reason.
 */
export async function answerFeedback(ctx: DomainContext, token: string, answer: FeedbackAnswer): Promise<AnswerResult> {
  return ctx.db.transaction(async (tx) => {
    const [link] = await tx.select().from(feedbackLinks).where(eq(feedbackLinks.tokenHash, hashToken(token))).for('update');
    if (!link) return { ok: false, error: 'notFound' };
    if (link.used) return { ok: false, error: 'feedback.errors.used' };
    if (link.expiresAt <= ctx.clock.now()) return { ok: false, error: 'feedback.errors.expired' };
    await tx.update(feedbackLinks).set({ used: true }).where(eq(feedbackLinks.id, link.id));
    await tx.insert(feedbackAnswers).values({ trainingId: link.trainingId, ...answer, answeredOn: helsinkiDate(ctx.clock.now()) });
    return { ok: true };
  });
}

const grades = [1, 2, 3, 4, 5] as const;

/** A training's feedback: links sent, answers, average and distribution of grades, and the comments. */
export async function trainingFeedbackSummary(db: Queryable, trainingId: string) {
  const [[sent], distribution, comments] = await Promise.all([
    db.select({ n: count() }).from(feedbackLinks).where(eq(feedbackLinks.trainingId, trainingId)),
    db.select({ grade: feedbackAnswers.grade, n: count() }).from(feedbackAnswers).where(eq(feedbackAnswers.trainingId, trainingId)).groupBy(feedbackAnswers.grade),
    // In no meaningful order (random ids), so that the order of answering tells nothing.
    db
      .select({ id: feedbackAnswers.id, good: feedbackAnswers.good, improve: feedbackAnswers.improve })
      .from(feedbackAnswers)
      .where(and(eq(feedbackAnswers.trainingId, trainingId), sql`(${feedbackAnswers.good} <> '' OR ${feedbackAnswers.improve} <> '')`))
      .orderBy(asc(feedbackAnswers.id)),
  ]);
  return { sent: sent?.n ?? 0, ...gradeFigures(distribution), comments };
}

function gradeFigures(rows: { grade: number; n: number }[]) {
  const counts = grades.map((grade) => rows.find((r) => r.grade === grade)?.n ?? 0);
  const answers = counts.reduce((a, b) => a + b, 0);
  // Hundredths of a grade, so that the page formats it per language.
  const averageHundredths = answers ? Math.round((counts.reduce((sum, n, i) => sum + n * (i + 1), 0) * 100) / answers) : null;
  return { answers, averageHundredths, distribution: grades.map((grade, i) => ({ grade, count: counts[i]! })) };
}

/** An organisation's feedback in a year: the totals and each training that got answers. */
export async function organisationFeedbackSummary(db: Queryable, organisationId: string, year: number) {
  const inYear = and(eq(trainings.organisationId, organisationId), eq(trainings.year, year));
  const [distribution, perTraining] = await Promise.all([
    db
      .select({ grade: feedbackAnswers.grade, n: count() })
      .from(feedbackAnswers)
      .innerJoin(trainings, eq(trainings.id, feedbackAnswers.trainingId))
      .where(inYear)
      .groupBy(feedbackAnswers.grade),
    db
      .select({ id: trainings.id, name: trainings.name, startsOn: trainings.startsOn, answers: count(), average: avg(feedbackAnswers.grade).mapWith(Number) })
      .from(feedbackAnswers)
      .innerJoin(trainings, eq(trainings.id, feedbackAnswers.trainingId))
      .where(inYear)
      .groupBy(trainings.id, trainings.name, trainings.startsOn)
      .orderBy(asc(trainings.startsOn), asc(trainings.name)),
  ]);
  return { ...gradeFigures(distribution), trainings: perTraining.map((t) => ({ ...t, averageHundredths: Math.round(t.average * 100) })) };
}
