import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { hourAccounts, organisations, roleAssignments, trainingSessions, trainings, units } from '../../server/db/schema';
import { sessionMinutes } from '../../server/trainings/teaching-hours';
import { type IsoDate, addDays } from '../../server/calendar/dates';
import { type Region, type TrainingStatus, regions, topicClasses, trainingModes, trainingTypes } from '../../server/trainings/kinds';
import { heldTrainingTerms } from './attendance';
import type { DataGenerator, GenerateContext } from './context';
import { historyYears, trainingCount, trainingsPerOrganisationYear } from './volumes';

const subjects = ['Kuorolaulun', 'Järjestötyön', 'Puheenjohtajan', 'Digitaitojen', 'Luontoretkeilyn ohjaajan', 'Taloudenhoidon', 'Viestinnän', 'Vapaaehtoistoiminnan', 'Teatteri-ilmaisun', 'Kielikahvilan'];
const forms = ['peruskurssi', 'jatkokurssi', 'verkkokurssi', 'luentosarja', 'työpaja', 'koulutus'];
const places = ['Seurantalo', 'Kansalaisopiston luokka', 'Kirjaston kokoushuone', 'Järjestötalo'];

/** Times of a session: an evening or a Saturday, 90–360 minutes with some breaks. */
function sessionTimes(random: { int(min: number, max: number): number; chance(p: number): boolean }) {
  const start = random.chance(0.7) ? 17 * 60 + random.int(0, 2) * 30 : 9 * 60 + random.int(0, 2) * 30;
  const length = random.int(3, 12) * 30;
  const pad = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { startTime: pad(start), endTime: pad(start + length), breakMinutes: length > 180 ? 30 : random.chance(0.3) ? 15 : 0 };
}

type TrainingMode = (typeof trainingModes)[number];

/** How often organisations publish a plan and limit its registration (guesses at their habits). */
const publicShare = { submitted: 0.6, draft: 0.3, capacity: 0.4, deadline: 0.35 };

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/**
 * Whether a plan is in the public calendar, and its registration terms: about 60 % of plans past
 * the draft stage (and 30 % of drafts, ticked in advance), each with a region unless held online;
 * 40 % of those with a limited number of places, 35 % with a deadline on or up to two weeks before
 * the first session but after the day it was planned (otherwise registration runs until the first
 * session's day).
 */
function publicTerms(ctx: GenerateContext, status: TrainingStatus, mode: TrainingMode, startsOn: IsoDate, plannedOn: IsoDate) {
  const isPublic = ctx.random.chance(status === 'draft' ? publicShare.draft : publicShare.submitted);
  // The region is asked on every plan; a third of the private ones leave it empty.
  const region: Region | '' = mode === 'online' || (!isPublic && ctx.random.chance(0.3)) ? '' : ctx.random.pick(regions);
  if (!isPublic) return { isPublic, region, capacity: null, registrationEndsOn: null };
  return {
    isPublic,
    region,
    capacity: ctx.random.chance(publicShare.capacity) ? ctx.random.int(8, 25) : null,
    registrationEndsOn: ctx.random.chance(publicShare.deadline) ? later(addDays(startsOn, -ctx.random.int(0, 14)), addDays(plannedOn, 1)) : null,
  };
}

/**
 * Ten years of trainings, the same number each year (trainingsPerOrganisationYear): every reservation
 * of the ledger's completed year is a training (approved when realised, else ended and unreported);
 * the rest are approved or cancelled ones, which hold no hours (the ledger has one completed year),
 * and the anchor year's drafts. A share of them is in the public calendar (see publicTerms).
 */
export const trainingsGenerator: DataGenerator = {
  name: 'training plans',
  rowCount(scale) {
    // The plans and their one to four sessions.
    return trainingCount(scale) * 3.5;
  },
  async run(ctx) {
    const members = await ctx.db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.businessId));
    const allUnits = await ctx.db.select({ id: units.id, organisationId: units.organisationId }).from(units).orderBy(asc(units.path));
    const trainers = await ctx.db
      .select({ userId: roleAssignments.userId, organisationId: roleAssignments.organisationId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.role, 'trainer'), isNotNull(roleAssignments.organisationId)))
      .orderBy(asc(roleAssignments.userId));
    const ledgerTrainings = await ctx.db
      .select({ trainingId: hourAccounts.trainingId, kind: hourAccounts.kind, organisationId: hourAccounts.organisationId, unitId: hourAccounts.unitId, year: hourAccounts.year })
      .from(hourAccounts)
      .where(isNotNull(hourAccounts.trainingId))
      .orderBy(asc(hourAccounts.trainingId), asc(hourAccounts.kind));
    const trainersOf = new Map<string, string[]>();
    for (const t of trainers) trainersOf.set(t.organisationId!, [...(trainersOf.get(t.organisationId!) ?? []), t.userId]);
    const planned = new Set<string>();
    const realised = new Set(ledgerTrainings.filter((a) => a.kind === 'used').map((a) => a.trainingId));
    const anchor = ctx.now.getUTCFullYear();
    const rows: (typeof trainings.$inferInsert)[] = [];
    const sessions: (typeof trainingSessions.$inferInsert)[] = [];
    const plan = (organisationId: string, unitId: string, year: number, status: TrainingStatus, id = ctx.random.uuid()) => {
      const own = trainersOf.get(organisationId) ?? [];
      const createdBy = own.length ? ctx.random.pick(own) : null;
      const first = ctx.random.int(10, 330);
      const count = ctx.random.int(1, 4);
      let minutes = 0;
      for (let n = 0; n < count; n++) {
        const times = sessionTimes(ctx.random);
        const date = new Date(Date.UTC(year, 0, 1 + Math.min(364, first + n * 7))).toISOString().slice(0, 10);
        minutes += sessionMinutes({ start: times.startTime, end: times.endTime, breakMinutes: times.breakMinutes }) ?? 0;
        sessions.push({ id: ctx.random.uuid(), trainingId: id, date, ...times, place: ctx.random.pick(places) });
      }
      const type = ctx.random.pick(trainingTypes);
      const startsOn = new Date(Date.UTC(year, 0, 1 + first)).toISOString().slice(0, 10);
      const endsOn = new Date(Date.UTC(year, 0, 1 + Math.min(364, first + (count - 1) * 7))).toISOString().slice(0, 10);
      const created = new Date(Date.UTC(year, 0, Math.max(1, first - 30)));
      const mode: TrainingMode = type === 'onlineCourse' ? 'online' : ctx.random.pick(trainingModes);
      rows.push({
        id,
        organisationId,
        unitId,
        year,
        name: `${ctx.random.pick(subjects)} ${type === 'onlineCourse' ? 'verkkokurssi' : ctx.random.pick(forms)}`,
        description: 'Koulutus järjestetään yhteistyössä opintokeskuksen kanssa.',
        type,
        mode,
        topicClass: ctx.random.pick(topicClasses),
        targetGroup: 'Jäsenet ja muut kiinnostuneet',
        learningGoals: 'Osallistuja tuntee aiheen perusteet ja osaa soveltaa niitä järjestössä.',
        plannedParticipants: ctx.random.int(5, 30),
        priceCents: ctx.random.chance(0.6) ? 0 : ctx.random.int(1, 8) * 500,
        noOtherStateFunding: true,
        notSoldToCompanies: true,
        noVocationalQualification: true,
        status,
        teachingMinutes: minutes,
        startsOn,
        endsOn,
        createdBy,
        createdAt: created,
        updatedAt: created,
        submittedAt: status === 'draft' ? null : created,
        ...publicTerms(ctx, status, mode, startsOn, created.toISOString().slice(0, 10)),
        // Every row sets the same columns, so that the batches go in through JSON.
        ...(status === 'approved' || status === 'ended' ? heldTrainingTerms(ctx, type, endsOn) : { attendanceMode: 'list' as const, feedbackRequestedAt: null }),
      });
      planned.add(id);
    };
    const fromLedger = new Map<string, number>();
    for (const account of ledgerTrainings) {
      if (account.kind !== 'reserved' || !account.organisationId || !account.unitId || planned.has(account.trainingId!)) continue;
      plan(account.organisationId, account.unitId, account.year, realised.has(account.trainingId) ? 'approved' : 'ended', account.trainingId!);
      const key = `${account.organisationId}:${account.year}`;
      fromLedger.set(key, (fromLedger.get(key) ?? 0) + 1);
    }
    const perYear = trainingsPerOrganisationYear(ctx.scale);
    for (const organisation of members) {
      const orgUnits = allUnits.filter((u) => u.organisationId === organisation.id);
      if (orgUnits.length === 0) continue;
      for (let year = anchor - historyYears + 1; year <= anchor; year++) {
        for (let n = fromLedger.get(`${organisation.id}:${year}`) ?? 0; n < perYear; n++) {
          const status = year === anchor ? 'draft' : ctx.random.chance(0.9) ? 'approved' : 'cancelled';
          plan(organisation.id, ctx.random.pick(orgUnits).id, year, status);
        }
      }
    }
    await ctx.insert(trainings, rows);
    await ctx.insert(trainingSessions, sessions);
  },
};
