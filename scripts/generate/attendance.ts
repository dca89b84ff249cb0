import { and, asc, between, eq, inArray } from 'drizzle-orm';
import { hashToken } from '../../server/access/tokens';
import { type IsoDate, addDays, helsinkiDate, helsinkiInstant } from '../../server/calendar/dates';
import { feedbackAnswers, feedbackLinks, sessionAttendance, sessionAttendanceCounts, trainingParticipants, trainingSessions, trainings } from '../../server/db/schema';
import { feedbackOpenDays } from '../../server/trainings/feedback';
import type { DataGenerator, GenerateContext } from './context';
import { trainingCount } from './volumes';

/** Trainings whose sessions have all been held (the generated ones lie before the anchor). */
const heldStatuses = ['ended', 'reported', 'approved'] as const;
/** Share of lectures whose trainer counted heads per age group instead of ticking names. */
const countedLectureShare = 0.5;
/** Share of held trainings whose participants were asked for feedback, as if the job had not always run. */
const askedShare = 0.7;

// Short, fictional and harmless, as participants write them.
const goodComments = [
  'Kouluttaja oli innostava ja asiantunteva.',
  'Hyvä tunnelma ja paljon keskustelua.',
  'Selkeät materiaalit, joihin voi palata.',
  'Käytännön harjoitukset olivat parasta.',
  'Sopivan tiivis kokonaisuus.',
  'Kaikki pääsivät ääneen.',
  'Opin paljon uutta.',
  'Viihtyisä tila ja hyvät kahvit.',
  'Esimerkit omasta järjestöstä auttoivat.',
  'Aikataulu piti hyvin.',
];
const improveComments = [
  'Enemmän aikaa kysymyksille.',
  'Tauot saisivat olla pidempiä.',
  'Materiaalit etukäteen sähköpostilla.',
  'Tila oli vähän ahdas.',
  'Lisää käytännön esimerkkejä.',
  'Verkkoyhteys pätki välillä.',
  'Jatkokurssi olisi tervetullut.',
  'Ääni ei kuulunut takariviin.',
  'Ilmoittautumisohjeet voisivat olla selkeämmät.',
  'Ilta venyi vähän pitkäksi.',
];

type Held = { id: string; attendanceMode: 'list' | 'counts'; feedbackRequestedAt: Date | null; plannedParticipants: number };
type Session = { date: IsoDate; start: string };
type Person = { id: string; email: string };

/**
 * How a held training's attendance was taken and when its participants were asked for feedback,
 * decided with the plan (so that the trainings are written once): counts for about half of the
 * lectures, and for about 70 % of the trainings a request by the scheduled job's first runs of the
 * day after the last session, if that day is before the anchor.
 */
export function heldTrainingTerms(ctx: GenerateContext, type: string, endsOn: IsoDate) {
  const attendanceMode: Held['attendanceMode'] = type === 'lecture' && ctx.random.chance(countedLectureShare) ? 'counts' : 'list';
  const at = new Date(helsinkiInstant(addDays(endsOn, 1), '06:00').getTime() + ctx.random.int(0, 120) * 60_000);
  return { attendanceMode, feedbackRequestedAt: ctx.random.chance(askedShare) && at < ctx.now ? at : null };
}

/** Grades 1–5: mostly fours and fives; a weaker training (one in ten) spreads lower. */
function grade(ctx: GenerateContext, weaker: boolean): number {
  const roll = ctx.random.next();
  const cumulative = weaker ? [0.03, 0.11, 0.36, 0.76] : [0.01, 0.03, 0.12, 0.45];
  const index = cumulative.findIndex((limit) => roll < limit);
  return index === -1 ? 5 : index + 1;
}

function groupBy<T extends { trainingId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.trainingId);
    if (list) list.push(row);
    else map.set(row.trainingId, [row]);
  }
  return map;
}

/** Held trainings read and written at a time, so that memory stays bounded at scale 1 (3 million participants). */
const trainingsPerChunk = 5000;

/**
 * Attendance and feedback of the held trainings. Attendance: the registered participants ticked
 * present at about 80 % of the sessions (a few never came), or for the lectures in counts mode
 * counts of adults and minors per session. Feedback: for each training asked (see heldTrainingTerms)
 * a link to every registered participant with an email; 30–70 % of them answered within the 30 days
 * (mostly soon, and not after the anchor day: later links stay open).
 */
export const attendanceGenerator: DataGenerator = {
  name: 'attendance and feedback',
  rowCount(scale) {
    // About 81 % of the trainings held, with some 17 registered, 2.5 sessions, 80 % present, and 70 %
    // asked for feedback (about 15 links, 7 answers).
    const held = trainingCount(scale) * 0.81;
    return Math.round(held * (17 * 2.5 * 0.8 * 0.9 + 0.7 * 15 + 0.7 * 7));
  },
  async run(ctx) {
    const isHeld = inArray(trainings.status, [...heldStatuses]);
    const held: Held[] = await ctx.db
      .select({ id: trainings.id, attendanceMode: trainings.attendanceMode, feedbackRequestedAt: trainings.feedbackRequestedAt, plannedParticipants: trainings.plannedParticipants })
      .from(trainings)
      .where(isHeld)
      .orderBy(asc(trainings.id));
    for (let from = 0; from < held.length; from += trainingsPerChunk) {
      await writeChunk(ctx, held.slice(from, from + trainingsPerChunk));
    }
  },
};

/** Attendance and feedback of some held trainings, ordered by id. */
async function writeChunk(ctx: GenerateContext, held: Held[]): Promise<void> {
  const first = held[0]!.id;
  const last = held.at(-1)!.id;
  const isHeld = inArray(trainings.status, [...heldStatuses]);
  const sessionsOf = groupBy(
    await ctx.db
      .select({ trainingId: trainingSessions.trainingId, date: trainingSessions.date, start: trainingSessions.startTime })
      .from(trainingSessions)
      .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
      .where(and(isHeld, between(trainingSessions.trainingId, first, last)))
      .orderBy(asc(trainingSessions.trainingId), asc(trainingSessions.date), asc(trainingSessions.startTime)),
  );
  const peopleOf = groupBy(
    await ctx.db
      .select({ trainingId: trainingParticipants.trainingId, id: trainingParticipants.id, email: trainingParticipants.email })
      .from(trainingParticipants)
      .innerJoin(trainings, eq(trainings.id, trainingParticipants.trainingId))
      .where(and(isHeld, eq(trainingParticipants.status, 'registered'), between(trainingParticipants.trainingId, first, last)))
      .orderBy(asc(trainingParticipants.trainingId), asc(trainingParticipants.arrival)),
  );
  const today = helsinkiDate(ctx.now);
  // A session is named by its date and start; two sessions clamped to the year's last day may share both.
  const sessions = (trainingId: string): Session[] => {
    const seen = new Set<string>();
    return (sessionsOf.get(trainingId) ?? []).filter((s) => s.date < today && !seen.has(`${s.date}T${s.start}`) && seen.add(`${s.date}T${s.start}`));
  };
  const people = (trainingId: string): Person[] => peopleOf.get(trainingId) ?? [];

  await ctx.insert(sessionAttendance, (function* () {
    for (const training of held) {
      if (training.attendanceMode !== 'list') continue;
      const own = sessions(training.id);
      for (const person of people(training.id)) {
        // A few registered but never came; the others came to 65–100 % of the sessions.
        const likelihood = ctx.random.chance(0.04) ? 0 : 0.65 + 0.35 * ctx.random.next();
        for (const session of own) {
          if (ctx.random.chance(likelihood)) yield { trainingId: training.id, participantId: person.id, sessionDate: session.date, sessionStart: session.start };
        }
      }
    }
  })());

  const counts: (typeof sessionAttendanceCounts.$inferInsert)[] = [];
  for (const training of held.filter((t) => t.attendanceMode === 'counts')) {
    // A lecture draws more than register for it: about the planned number, at least those registered.
    const expected = Math.max(people(training.id).length, training.plannedParticipants);
    for (const session of sessions(training.id)) {
      counts.push({
        trainingId: training.id,
        sessionDate: session.date,
        sessionStart: session.start,
        adults: Math.max(1, Math.round(expected * (0.6 + 0.6 * ctx.random.next()))),
        minors: ctx.random.chance(0.25) ? ctx.random.int(1, 6) : 0,
      });
    }
  }
  await ctx.insert(sessionAttendanceCounts, counts);

  const links: (typeof feedbackLinks.$inferInsert)[] = [];
  const answers: (typeof feedbackAnswers.$inferInsert)[] = [];
  for (const training of held) {
    const at = training.feedbackRequestedAt;
    if (!at) continue;
    const expiresAt = new Date(at.getTime() + feedbackOpenDays * 86_400_000);
    const responseRate = 0.3 + 0.4 * ctx.random.next();
    const weaker = ctx.random.chance(0.1);
    for (const person of people(training.id).filter((p) => p.email !== '')) {
      // Most answer in the first days; an answer that would fall on or after the anchor day has not come yet.
      const answeredOn = addDays(helsinkiDate(at), Math.floor(ctx.random.next() ** 2 * feedbackOpenDays));
      const used = ctx.random.chance(responseRate) && answeredOn < today;
      // The hash of a token nobody holds: generated people get no emails.
      links.push({ id: ctx.random.uuid(), trainingId: training.id, tokenHash: hashToken(ctx.random.uuid()), expiresAt, used });
      if (!used) continue;
      answers.push({
        id: ctx.random.uuid(),
        trainingId: training.id,
        grade: grade(ctx, weaker),
        good: ctx.random.chance(0.45) ? ctx.random.pick(goodComments) : '',
        improve: ctx.random.chance(0.3) ? ctx.random.pick(improveComments) : '',
        answeredOn,
      });
    }
  }
  await ctx.insert(feedbackLinks, links);
  await ctx.insert(feedbackAnswers, answers);
}
