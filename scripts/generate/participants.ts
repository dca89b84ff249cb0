import { asc, inArray } from 'drizzle-orm';
import { hashToken } from '../../server/access/tokens';
import { helsinkiInstant } from '../../server/calendar/dates';
import { trainingParticipants, trainings } from '../../server/db/schema';
import type { Gender } from '../../server/trainings/kinds';
import type { DataGenerator, GenerateContext } from './context';
import { firstNames, lastNames } from './names';
import { ascii } from './organisations';
import { trainingCount } from './volumes';

/** Trainings that have been held (and public ones still taking registrations) have participants. */
const withParticipants = ['submitted', 'ongoing', 'ended', 'reported', 'approved'] as const;
export const emailDomains = ['example.test', 'posti.example', 'sahkoposti.example'];
// Real municipalities: where a participant lives is not personal on its own, and statistics group by it.
export const municipalities = [
  'Helsinki', 'Espoo', 'Tampere', 'Vantaa', 'Oulu', 'Turku', 'Jyväskylä', 'Kuopio', 'Lahti', 'Pori', 'Joensuu', 'Lappeenranta',
  'Hämeenlinna', 'Vaasa', 'Seinäjoki', 'Rovaniemi', 'Mikkeli', 'Kotka', 'Salo', 'Porvoo', 'Kokkola', 'Lohja', 'Kajaani', 'Rauma',
  'Savonlinna', 'Raasepori', 'Inari', 'Kuhmo', 'Parainen', 'Närpiö',
];

type Row = typeof trainingParticipants.$inferInsert;
type Training = { id: string; organisationId: string; isPublic: boolean; capacity: number | null; registrationEndsOn: string | null; status: string; plannedParticipants: number; startsOn: string | null; year: number; createdAt: Date; createdBy: string | null };

const day = 86_400_000;
const between = (ctx: GenerateContext, from: number, to: number) => from + Math.floor(ctx.random.next() * Math.max(0, to - from));

export function gender(ctx: GenerateContext): Gender | null {
  const roll = ctx.random.next();
  return roll < 0.1 ? null : roll < 0.65 ? 'female' : roll < 0.98 ? 'male' : 'other';
}

/**
 * One training's participants in the order they came, as the domain would have left them: the
 * public registered themselves (with consent) until the places ran out and then queued; a few
 * cancelled before the start, each freeing a place for the first in the queue; once the training
 * had begun, its trainer entered the rest (while places were left) and took a few off again.
 */
function participantsOf(ctx: GenerateContext, training: Training, next: () => number): Row[] {
  const start = helsinkiInstant(training.startsOn!, '09:00').getTime();
  const deadline = helsinkiInstant(training.registrationEndsOn ?? training.startsOn!, '21:00').getTime();
  const opened = training.createdAt.getTime() + day;
  const held = training.status !== 'submitted' && training.status !== 'ongoing';
  // 70–140 % of the planned 5–30 come; a limited training draws 0.8 to 1.6 times its places (the rest
  // queue): about 18.5 on average, 3 million over the ten years at scale 1.
  const wanted = training.capacity
    ? Math.round(training.capacity * (0.8 + 0.8 * ctx.random.next()))
    : Math.max(1, Math.round(training.plannedParticipants * (0.7 + 0.7 * ctx.random.next())));
  const registering: number[] = [];
  const entered: number[] = [];
  for (let i = 0; i < wanted; i++) {
    if (training.isPublic && (!held || ctx.random.chance(0.8))) registering.push(between(ctx, opened, Math.max(opened, deadline)));
    // After the registration has closed (which may be the first session's evening), so that arrivals keep their order.
    else entered.push(between(ctx, Math.max(start, deadline), start + 7 * day));
  }
  const rows: Row[] = [];
  const registered = () => rows.filter((r) => r.status === 'registered').length;
  const full = () => training.capacity !== null && registered() >= training.capacity;
  const cancel = (row: Row, at: number) => {
    const was = row.status;
    Object.assign(row, { status: 'cancelled', cancelledAt: new Date(at), updatedAt: new Date(at) });
    // The freed place goes to the first in the queue, as fillFreePlaces does.
    const promoted = was === 'registered' ? rows.find((r) => r.status === 'waiting') : undefined;
    if (promoted) Object.assign(promoted, { status: 'registered', updatedAt: new Date(at) });
  };
  const arrive = (atMs: number, source: 'registration' | 'trainer') => {
    const first = ctx.random.pick(firstNames);
    const last = ctx.random.pick(lastNames);
    const withEmail = source === 'registration' || ctx.random.chance(0.7);
    const roll = ctx.random.next();
    const at = new Date(atMs);
    const row: Row = {
      id: ctx.random.uuid(),
      trainingId: training.id,
      organisationId: training.organisationId,
      name: `${first} ${last}`,
      email: withEmail ? `${ascii(first)}.${ascii(last)}.${next()}@${ctx.random.pick(emailDomains)}` : '',
      birthYear: training.year - ctx.random.int(16, 85),
      municipality: ctx.random.pick(municipalities),
      gender: gender(ctx),
      firstTimeThisYear: ctx.random.chance(0.6),
      status: full() ? 'waiting' : 'registered',
      source,
      consentedAt: source === 'registration' ? at : null,
      language: roll < 0.07 ? 'sv' : roll < 0.1 ? 'en' : 'fi',
      // The hash of a cancel link nobody holds: generated people get no emails.
      cancelTokenHash: source === 'registration' ? hashToken(ctx.random.uuid()) : null,
      createdBy: source === 'trainer' ? training.createdBy : null,
      createdAt: at,
      updatedAt: at,
      cancelledAt: null,
    };
    rows.push(row);
    return row;
  };
  for (const at of registering.sort((a, b) => a - b)) arrive(at, 'registration');
  // About 8 % cancel between the last registration and the first session.
  const lastRegistration = registering.length ? Math.max(...registering) : opened;
  const cancelling = rows.filter(() => ctx.random.chance(0.08)).map((row) => ({ row, at: between(ctx, lastRegistration, Math.max(lastRegistration, start)) }));
  for (const { row, at } of cancelling.sort((a, b) => a.at - b.at)) cancel(row, at);
  // A trainer does not enter someone the training has no place for.
  const byTrainer = entered.sort((a, b) => a - b).flatMap((at) => (full() ? [] : [arrive(at, 'trainer')]));
  const lastEntry = Math.max(start, ...entered);
  const removals = byTrainer.filter(() => ctx.random.chance(0.03)).map((row) => ({ row, at: lastEntry + ctx.random.int(1, 14) * day }));
  for (const { row, at } of removals.sort((a, b) => a.at - b.at)) cancel(row, at);
  return rows;
}

/** Participants of the trainings that have been held, and of public ones that take registrations. */
export const participantsGenerator: DataGenerator = {
  name: 'training participants',
  rowCount(scale) {
    // About 81 % of the trainings have been held (nine years of ten, a tenth cancelled), with some 18.5 people each.
    return Math.round(trainingCount(scale) * 0.81 * 18.5);
  },
  async run(ctx) {
    const held = await ctx.db
      .select({
        id: trainings.id,
        organisationId: trainings.organisationId,
        isPublic: trainings.isPublic,
        capacity: trainings.capacity,
        registrationEndsOn: trainings.registrationEndsOn,
        status: trainings.status,
        plannedParticipants: trainings.plannedParticipants,
        startsOn: trainings.startsOn,
        year: trainings.year,
        createdAt: trainings.createdAt,
        createdBy: trainings.createdBy,
      })
      .from(trainings)
      .where(inArray(trainings.status, [...withParticipants]))
      .orderBy(asc(trainings.id));
    let emailNumber = 0;
    const next = () => ++emailNumber;
    // Planned but not yet held: only a public one has people, who registered.
    const chosen = held.filter((t) => t.startsOn && (t.isPublic || (t.status !== 'submitted' && t.status !== 'ongoing')));
    await ctx.insert(trainingParticipants, (function* () {
      for (const training of chosen) yield* participantsOf(ctx, training, next);
    })());
  },
};
