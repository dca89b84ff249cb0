import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCalendarEvent } from '../../server/calendar/events';
import { expenseReportDeadline } from '../../server/calendar/windows';
import { createYearCalendar, yearCalendar } from '../../server/calendar/year-calendar';
import { defaultSupportRules, saveSupportRules } from '../../server/centre/support-rules';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, expenseReports, reservationReleases, trainings } from '../../server/db/schema';
import { auditSeedFor, isPickedForAudit } from '../../server/expenses/audit-pick';
import { deadlineStanding, reportDueOn } from '../../server/expenses/deadlines';
import type { CostCategory } from '../../server/expenses/kinds';
import { listReportsForReview, supportOverview } from '../../server/expenses/lists';
import { addReceipt, checkReceipt, readReceipt, receiptFileName, receiptLimits, removeReceipt } from '../../server/expenses/receipts';
import { releaseUnreportedReservations } from '../../server/expenses/release';
import { deadlinesFor, expenseReportPage, listReceipts, ratesFor, reportEvents, reportOfTraining, reportVersions, saveExpenseReport, submitExpenseReport, supportOf } from '../../server/expenses/reports';
import { approveExpenseReport, markReceiptsChecked, permitLateReport, rejectExpenseReport, returnExpenseReport } from '../../server/expenses/review';
import { type ReportContent, calculateSupport, mulDivHalfUp } from '../../server/expenses/support';
import { hoursAvailableTo, hoursHeldBy } from '../../server/hours/availability';
import { makeJpegFrame, makePng } from '../../server/organisations/sample-images';
import { recordAttendance } from '../../server/trainings/attendance';
import { addParticipants, listParticipants } from '../../server/trainings/participants';
import { type PlanInput, planSessions, savePlan, submitPlan } from '../../server/trainings/plans';
import { advanceTrainingStatuses } from '../../server/trainings/status';
import { actorByEmail, demoOrgB, organisationIdByName, unitByName } from '../support/demo';
import { emailsTo } from '../support/outbox';
import { grant2027Hours, samplePlan, trainingsTestDatabase } from '../support/trainings';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
const at = (iso: string) => clock.set(new Date(iso), { frozen: true });
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const staff = () => as('asiantuntija@sivis.example');

/** Where a training is planned: the organisation, the unit and the trainer who plans and reports it. */
interface Place {
  organisationId: string;
  unitId: string;
  trainer: string;
}
/** Organisation A (500 h for 2027): Revontulten yhdistys. */
let aurora: Place;
/** Organisation B (only 10 h for 2027): Rannikon kuoroyhdistys. */
let coast: Place;
/** Organisation C (50 h for 2027): Kallioniemi under the Järviseutu district, and Metsäpolku outside it. */
let cape: Place;
let forest: Place;

const trainerOf = (place: Place) => as(place.trainer);
const person = (name: string, birthYear: number) => ({ name, email: '', birthYear, municipality: 'Oulu', gender: null, firstTimeThisYear: false });
// The sample plan's two sessions: 2 March 18:00–19:30 and 9 March 18:00–19:45 with a 15-minute break, 2027.
const plannedSessions = [
  { date: '2027-03-02', start: '18:00' },
  { date: '2027-03-09', start: '18:00' },
];

/**
 * A 2027 training planned and submitted on 15 January (the sample's sessions: 90 + 90 minutes, 4 h
 * reserved), with `adults` participants aged 15+ and `minors` under 15 present at both sessions,
 * moved to ended by the status job on the morning after its last session.
 */
async function endedTraining(name: string, options: { place?: Place; adults?: number; minors?: number; plan?: Partial<PlanInput> } = {}) {
  const place = options.place ?? aurora;
  const id = await submittedTraining(name, place, options.plan);
  const trainer = await trainerOf(place);
  const people = [
    ...Array.from({ length: options.adults ?? 8 }, (_, i) => person(`${name}: aikuinen ${i + 1}`, 1980 + i)),
    ...Array.from({ length: options.minors ?? 0 }, (_, i) => person(`${name}: nuori ${i + 1}`, 2014)),
  ];
  if (people.length) expect(await addParticipants(trainer, id, people)).toEqual({ ok: true, added: people.length });
  at('2027-03-09T19:00:00Z');
  const present = (await listParticipants(handle.db, id)).map((p) => p.id);
  for (const session of plannedSessions) expect(await recordAttendance(trainer, id, session, present)).toEqual({ ok: true });
  at('2027-03-10T06:00:00Z');
  await advanceTrainingStatuses({ db: handle.db, clock });
  expect(await trainingStatus(id)).toBe('ended');
  return id;
}

/** A plan of the sample's sessions submitted on 15 January 2027 (it reserves 4 h). */
async function submittedTraining(name: string, place: Place = aurora, plan: Partial<PlanInput> = {}) {
  const trainer = await trainerOf(place);
  at('2027-01-15T09:00:00Z');
  const saved = await savePlan(trainer, place.organisationId, null, samplePlan(place.unitId, { name, ...plan }));
  if (!saved.ok) throw new Error(saved.error);
  const submitted = await submitPlan(trainer, place.organisationId, saved.id);
  if (!submitted.ok) throw new Error(submitted.error);
  return saved.id;
}

async function trainingStatus(id: string) {
  const [row] = await handle.db.select({ status: trainings.status }).from(trainings).where(eq(trainings.id, id));
  return row!.status;
}
const reportOf = async (trainingId: string) => (await reportOfTraining(handle.db, trainingId))!;
const held = (trainingId: string) => hoursHeldBy(handle.db, 2027, trainingId);
/** The free hours of the organisation's pool (the demo units have no allocations of their own). */
const poolFree = async (place: Place) => (await hoursAvailableTo(handle.db, 2027, place.organisationId, place.unitId)).sources.find((s) => s.kind === 'pool')!.hundredths;
const setAuditShare = async (basisPoints: number) => saveSupportRules(await as('admin@sivis.example'), { ...defaultSupportRules(2027), auditShareBasisPoints: basisPoints });

// The sessions as held, the same as planned: 90 + (105 − 15) = 180 minutes = 4.00 h.
const heldSessions = [
  { date: '2027-03-02', start: '18:00', end: '19:30', breakMinutes: 0 },
  { date: '2027-03-09', start: '18:00', end: '19:45', breakMinutes: 15 },
];
/**
 * A report of the sample's sessions with 200,00 € of trainer fees and 40,00 € of premises:
 * by hours 35,00 € × 4,00 h = 140,00 €; by costs 55 % × 240,00 € = 132,00 €; 240,00 € − 0 → support 132,00 €.
 */
const report = (changes: Partial<ReportContent> = {}): ReportContent => ({
  sessions: heldSessions,
  costs: [
    { category: 'trainerFees', description: 'Kouluttajan palkkio sivukuluineen', amountCents: 20_000 },
    { category: 'premises', description: 'Seurantalon vuokra', amountCents: 4_000 },
  ],
  participantFeesCents: 0,
  otherFundingCents: 0,
  otherFundingSource: '',
  marketingDeclaration: true,
  notes: '',
  ...changes,
});

/** Ended, and reported (by default on 20 March 2027: on time). */
async function submittedReport(name: string, options: { place?: Place; adults?: number; content?: ReportContent; on?: string } = {}) {
  const id = await endedTraining(name, options);
  at(options.on ?? '2027-03-20T10:00:00Z');
  expect(await submitExpenseReport(await trainerOf(options.place ?? aurora), id, options.content ?? report())).toMatchObject({ ok: true });
  return id;
}

const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'));

beforeAll(async () => {
  const world = await trainingsTestDatabase(50_000);
  handle = world.handle;
  aurora = { organisationId: world.orgA, unitId: world.aurora, trainer: 'kouluttaja1@kll.example' };
  const orgB = await organisationIdByName(handle.db, demoOrgB);
  await grant2027Hours(handle.db, orgB, 1_000);
  coast = { organisationId: orgB, unitId: (await unitByName(handle.db, 'Rannikon kuoroyhdistys')).id, trainer: 'kouluttaja1@kyk.example' };
  const orgC = await organisationIdByName(handle.db, 'Lähiluonnon Ystävät ry');
  await grant2027Hours(handle.db, orgC, 5_000);
  cape = { organisationId: orgC, unitId: (await unitByName(handle.db, 'Kallioniemen luontoyhdistys')).id, trainer: 'kouluttaja1@lly.example' };
  forest = { organisationId: orgC, unitId: (await unitByName(handle.db, 'Metsäpolun yhdistys')).id, trainer: 'kouluttaja2@lly.example' };
  // No report is picked for audit unless a test asks for it (the default 10 % would pick at random).
  await setAuditShare(0);
});
afterAll(() => handle.close());

const rates = { hourlyRateCents: 3500, costCapBasisPoints: 5500 };
const costs = (...items: [CostCategory, number][]) => items.map(([category, amountCents]) => ({ category, amountCents }));

describe('support calculation', () => {
  it('is the rate times the realised hours when that is the lowest limit', () => {
    // By hours 35,00 € × 4,00 h = 140,00 €; by costs 55 % × 500,00 € = 275,00 €; 500,00 € − 0 = 500,00 €.
    expect(calculateSupport(rates, 400, costs(['trainerFees', 50_000]), 0)).toEqual({
      hourlyRateCents: 3500,
      costCapBasisPoints: 5500,
      realisedHundredths: 400,
      otherCostsCents: 50_000,
      participantTravelCents: 0,
      participantTravelCapCents: 10_000,
      participantTravelCountedCents: 0,
      eligibleCostsCents: 50_000,
      byHoursCents: 14_000,
      byCostsCents: 27_500,
      otherFundingCents: 0,
      costsLessFundingCents: 50_000,
      supportCents: 14_000,
      binding: 'byHours',
    });
  });

  it('is the cost cap when that is the lowest limit', () => {
    // By hours 35,00 € × 10,00 h = 350,00 €; by costs 55 % × (200,00 + 50,00) € = 137,50 €; 250,00 € − 0 = 250,00 €.
    expect(calculateSupport(rates, 1000, costs(['trainerFees', 20_000], ['premises', 5_000]), 0)).toMatchObject({
      eligibleCostsCents: 25_000,
      byHoursCents: 35_000,
      byCostsCents: 13_750,
      costsLessFundingCents: 25_000,
      supportCents: 13_750,
      binding: 'byCosts',
    });
  });

  it('is the costs less other funding when that is the lowest limit', () => {
    // By hours 350,00 €; by costs 55 % × 300,00 € = 165,00 €; 300,00 € − 200,00 € = 100,00 €.
    expect(calculateSupport(rates, 1000, costs(['trainerFees', 25_000], ['marketing', 5_000]), 20_000)).toMatchObject({
      eligibleCostsCents: 30_000,
      byCostsCents: 16_500,
      otherFundingCents: 20_000,
      costsLessFundingCents: 10_000,
      supportCents: 10_000,
      binding: 'costsLessFunding',
    });
  });

  it('is never negative: other funding above the costs gives no support', () => {
    // 100,00 € − 150,00 € = −50,00 € → 0.
    expect(calculateSupport(rates, 1000, costs(['trainerFees', 10_000]), 15_000)).toMatchObject({ costsLessFundingCents: -5_000, supportCents: 0, binding: 'costsLessFunding' });
  });

  it('counts participants’ travel only up to 20 % of the other cost items', () => {
    // Others 800,00 + 200,00 = 1 000,00 €, so travel counts up to 200,00 €: 300,00 € entered → 200,00 €;
    // eligible 1 200,00 €, by costs 55 % = 660,00 € (by hours 35,00 € × 100 h = 3 500,00 €).
    expect(calculateSupport(rates, 10_000, costs(['trainerFees', 80_000], ['marketing', 20_000], ['participantTravel', 30_000]), 0)).toMatchObject({
      otherCostsCents: 100_000,
      participantTravelCents: 30_000,
      participantTravelCapCents: 20_000,
      participantTravelCountedCents: 20_000,
      eligibleCostsCents: 120_000,
      byCostsCents: 66_000,
      supportCents: 66_000,
    });
    // 150,00 € of travel is under the cap and counts in full: eligible 1 150,00 €, 55 % = 632,50 €.
    expect(calculateSupport(rates, 10_000, costs(['trainerFees', 80_000], ['marketing', 20_000], ['participantTravel', 10_000], ['participantTravel', 5_000]), 0)).toMatchObject({
      participantTravelCents: 15_000,
      participantTravelCountedCents: 15_000,
      eligibleCostsCents: 115_000,
      supportCents: 63_250,
    });
    // Travel alone counts for nothing: 20 % of no other costs is 0.
    expect(calculateSupport(rates, 10_000, costs(['participantTravel', 30_000]), 0)).toMatchObject({ eligibleCostsCents: 0, supportCents: 0 });
  });

  it('rounds each product half up to the cent', () => {
    // a × b ÷ d in integers: 0.5 → 1, 1.5 → 2, 2.5 → 3 (not to even), 1/3 → 0, 2/3 → 1.
    expect([mulDivHalfUp(1, 1, 2), mulDivHalfUp(3, 1, 2), mulDivHalfUp(5, 1, 2), mulDivHalfUp(1, 1, 3), mulDivHalfUp(2, 1, 3)]).toEqual([1, 2, 3, 0, 1]);
    const lots = costs(['trainerFees', 1_000_000]);
    // By hours: 35,50 € × 0,03 h = 106.5 cents → 107 (rounding to even would give 106); 35,49 € × 0,03 h = 106.47 → 106.
    expect(calculateSupport({ hourlyRateCents: 3550, costCapBasisPoints: 5500 }, 3, lots, 0)).toMatchObject({ byHoursCents: 107, supportCents: 107, binding: 'byHours' });
    expect(calculateSupport({ hourlyRateCents: 3549, costCapBasisPoints: 5500 }, 3, lots, 0)).toMatchObject({ byHoursCents: 106 });
    // 35,50 € × 0,01 h = 35.5 cents → 36.
    expect(calculateSupport({ hourlyRateCents: 3550, costCapBasisPoints: 5500 }, 1, lots, 0).byHoursCents).toBe(36);
    // By costs: 55 % × 30 cents = 16.5 → 17 (to even: 16); 55 % × 1 cent = 0.55 → 1; 55 % × 29 cents = 15.95 → 16.
    expect(calculateSupport(rates, 10_000, costs(['trainerFees', 30]), 0)).toMatchObject({ byCostsCents: 17, costsLessFundingCents: 30, supportCents: 17, binding: 'byCosts' });
    expect(calculateSupport(rates, 10_000, costs(['trainerFees', 1]), 0).byCostsCents).toBe(1);
    expect(calculateSupport(rates, 10_000, costs(['trainerFees', 29]), 0).byCostsCents).toBe(16);
    // The travel cap: 20 % × 13 cents = 2.6 → 3, 20 % × 12 cents = 2.4 → 2. (At 20 % an exact half cent
    // cannot arise: a fifth of whole cents ends in .0, .2, .4, .6 or .8.)
    expect(calculateSupport(rates, 10_000, costs(['premises', 13], ['participantTravel', 10]), 0)).toMatchObject({ participantTravelCapCents: 3, participantTravelCountedCents: 3, eligibleCostsCents: 16 });
    expect(calculateSupport(rates, 10_000, costs(['premises', 12], ['participantTravel', 10]), 0)).toMatchObject({ participantTravelCapCents: 2, eligibleCostsCents: 14 });
  });

  it('is not reduced by participant fees, and a peer study group gets the peer-group rate', () => {
    const rules = defaultSupportRules(2027);
    // One session of 7 h 30 min = 450 minutes = 10,00 h; costs 1 000,00 €.
    const tenHours = report({ sessions: [{ date: '2027-05-04', start: '09:00', end: '16:30', breakMinutes: 0 }], costs: [{ category: 'trainerFees', description: '', amountCents: 100_000 }] });
    const course = supportOf(rules, 'course', tenHours);
    // 35,00 € × 10 h = 350,00 €; 55 % × 1 000,00 € = 550,00 €; 1 000,00 € − 0.
    expect(course).toMatchObject({ realisedHundredths: 1000, byHoursCents: 35_000, supportCents: 35_000, binding: 'byHours' });
    expect(supportOf(rules, 'course', { ...tenHours, participantFeesCents: 90_000 })).toEqual(course);
    // A peer study group: 3,00 € × 10 h = 30,00 €.
    expect(supportOf(rules, 'peerGroup', tenHours)).toMatchObject({ hourlyRateCents: 300, byHoursCents: 3_000, supportCents: 3_000 });
    const own = { ...rules, hourlyRateCents: 4000, peerGroupRateCents: 450, costCapBasisPoints: 5000 };
    expect(ratesFor(own, 'peerGroup')).toEqual({ hourlyRateCents: 450, costCapBasisPoints: 5000 });
    expect(ratesFor(own, 'lecture')).toEqual({ hourlyRateCents: 4000, costCapBasisPoints: 5000 });
    // The hours are rounded once for the whole training: 2 × 25 min = 50 min = 1.111… h → 1,11 h (per session 2 × 0,56 would be 1,12).
    const short = report({ sessions: ['2027-05-04', '2027-05-11'].map((date) => ({ date, start: '18:00', end: '18:25', breakMinutes: 0 })) });
    expect(supportOf(rules, 'course', short)).toMatchObject({ realisedHundredths: 111, byHoursCents: 3_885 });
  });
});

describe('report deadlines', () => {
  it('are due four weeks after the last session and close after the January deadline', () => {
    expect(reportDueOn('2027-03-09', '2028-01-18')).toBe('2027-04-06');
    expect(reportDueOn('2027-12-20', '2028-01-18')).toBe('2028-01-17');
    // A training ending in late December is due by the January deadline, not four weeks later.
    expect(reportDueOn('2027-12-28', '2028-01-18')).toBe('2028-01-18');
    expect(deadlineStanding({ dueOn: '2028-01-18', finalOn: '2028-01-18' }, '2028-01-20', false)).toBe('closed');
    const deadlines = { dueOn: '2027-04-06', finalOn: '2028-01-18' };
    expect(deadlineStanding(deadlines, '2027-04-06', false)).toBe('onTime');
    expect(deadlineStanding(deadlines, '2027-04-07', false)).toBe('late');
    expect(deadlineStanding(deadlines, '2028-01-18', false)).toBe('late');
    expect(deadlineStanding(deadlines, '2028-01-19', false)).toBe('closed');
    expect(deadlineStanding(deadlines, '2028-01-19', true)).toBe('late');
  });

  it('take the January deadline from the next year’s calendar (the template: 18 January)', async () => {
    expect(await expenseReportDeadline(handle.db, 2027)).toBe('2028-01-18');
    expect(await deadlinesFor(handle.db, { year: 2027, endsOn: '2027-03-09' })).toEqual({ dueOn: '2027-04-06', finalOn: '2028-01-18' });
  });

  it('mark a report late from the day after the due day, Helsinki time', async () => {
    const onTime = await endedTraining('Ajallaan raportoitu kurssi');
    const late = await endedTraining('Myöhässä raportoitu kurssi');
    // 6 April 2027 23:59:59 in Helsinki (summer time, UTC+3) is the due day; a second later it is the 7th.
    at('2027-04-06T20:59:59Z');
    expect(await submitExpenseReport(await trainerOf(aurora), onTime, report())).toMatchObject({ ok: true });
    at('2027-04-06T21:00:00Z');
    expect(await submitExpenseReport(await trainerOf(aurora), late, report())).toMatchObject({ ok: true });
    expect([(await reportOf(onTime)).late, (await reportOf(late)).late]).toEqual([false, true]);
  });

  it('refuse a first submission after the January deadline unless staff allow it; a returned report can be sent again', async () => {
    const lastDay = await endedTraining('Viimeisenä päivänä raportoitu');
    const tooLate = await endedTraining('Määräajan jälkeen raportoitu');
    const drafted = await endedTraining('Luonnokseksi jäänyt kuluselvitys');
    at('2027-12-01T10:00:00Z');
    expect(await saveExpenseReport(await trainerOf(aurora), drafted, report({ notes: 'Kesken' }))).toMatchObject({ ok: true });
    // 18 January 2028 23:59:59 in Helsinki (UTC+2): accepted, late.
    at('2028-01-18T21:59:59Z');
    expect(await submitExpenseReport(await trainerOf(aurora), lastDay, report())).toMatchObject({ ok: true });
    expect(await reportOf(lastDay)).toMatchObject({ status: 'submitted', late: true, version: 1 });
    expect(await trainingStatus(lastDay)).toBe('reported');
    // Staff cannot allow what is not yet closed, nor a report already submitted.
    expect(await permitLateReport(await staff(), tooLate, 'Ei vielä')).toEqual({ ok: false, error: 'expenses.errors.notClosed' });
    // 19 January 00:00 in Helsinki: refused, nothing is created.
    at('2028-01-18T22:00:00Z');
    expect(await submitExpenseReport(await trainerOf(aurora), tooLate, report())).toEqual({ ok: false, error: 'expenses.errors.deadlinePassed' });
    expect(await reportOfTraining(handle.db, tooLate)).toBeNull();
    expect(await trainingStatus(tooLate)).toBe('ended');
    // A draft saved in time is no submission.
    expect(await submitExpenseReport(await trainerOf(aurora), drafted, report())).toEqual({ ok: false, error: 'expenses.errors.deadlinePassed' });
    expect(await reportOf(drafted)).toMatchObject({ status: 'draft', version: 0 });
    expect(await permitLateReport(await staff(), lastDay, 'Jo lähetetty')).toEqual({ ok: false, error: 'expenses.errors.notClosed' });
    // Staff allow it: accepted, late.
    expect(await permitLateReport(await staff(), tooLate, 'Kouluttaja sairastui')).toEqual({ ok: true });
    expect(await permitLateReport(await staff(), tooLate, 'Toiseen kertaan')).toEqual({ ok: false, error: 'expenses.errors.notClosed' });
    expect(await submitExpenseReport(await trainerOf(aurora), tooLate, report())).toMatchObject({ ok: true });
    expect(await reportOf(tooLate)).toMatchObject({ status: 'submitted', late: true, version: 1 });
    expect((await reportEvents(handle.db, (await reportOf(tooLate)).id)).map((e) => [e.kind, e.comment])).toEqual([
      ['submitted', ''],
      ['latePermitted', 'Kouluttaja sairastui'],
    ]);
    // Returned for corrections after the deadline, it can be sent again.
    at('2028-01-20T09:00:00Z');
    expect(await returnExpenseReport(await staff(), lastDay, 'Lisää tila-vuokran kuitti', links)).toEqual({ ok: true });
    at('2028-01-25T09:00:00Z');
    expect(await saveExpenseReport(await trainerOf(aurora), lastDay, report({ notes: 'Korjattu' }))).toMatchObject({ ok: true });
    expect(await submitExpenseReport(await trainerOf(aurora), lastDay, report({ notes: 'Korjattu' }))).toMatchObject({ ok: true });
    expect(await reportOf(lastDay)).toMatchObject({ status: 'submitted', version: 2, late: true });
  });

  it('follow the deadline when staff move it in the next year’s calendar', async () => {
    const id = await endedTraining('Siirretyn määräajan kurssi');
    const admin = await as('admin@sivis.example');
    at('2027-11-01T09:00:00Z');
    expect(await createYearCalendar(admin, 2028, 'template')).toEqual({ ok: true });
    const deadline = (await yearCalendar(handle.db, 2028)).events.find((e) => e.window === 'expenseReportDeadline')!;
    const move = (day: string) =>
      saveCalendarEvent(admin, 2028, deadline.id, { startsOn: day, endsOn: day, titleFi: '', titleSv: '', titleEn: '', descriptionFi: '', descriptionSv: '', descriptionEn: '' });
    expect(await move('2028-01-25')).toMatchObject({ ok: true });
    expect(await expenseReportDeadline(handle.db, 2027)).toBe('2028-01-25');
    at('2028-01-22T09:00:00Z');
    expect(await submitExpenseReport(await trainerOf(aurora), id, report())).toMatchObject({ ok: true });
    expect(await reportOf(id)).toMatchObject({ status: 'submitted', late: true });
    // Back to the template's day for the tests that follow.
    expect(await move('2028-01-18')).toMatchObject({ ok: true });
    expect(await expenseReportDeadline(handle.db, 2027)).toBe('2028-01-18');
  });
});

describe('expense report flow', () => {
  it('is written only after the training has ended', async () => {
    const id = await submittedTraining('Vielä alkamaton kurssi');
    at('2027-02-01T09:00:00Z');
    const trainer = await trainerOf(aurora);
    expect(await saveExpenseReport(trainer, id, report())).toEqual({ ok: false, error: 'expenses.errors.notEnded' });
    expect(await submitExpenseReport(trainer, id, report())).toEqual({ ok: false, error: 'expenses.errors.notEnded' });
    expect(await addReceipt(trainer, id, { name: 'kuitti.pdf', bytes: pdf })).toEqual({ ok: false, error: 'expenses.errors.notEnded' });
    expect(await reportOfTraining(handle.db, id)).toBeNull();
    expect(await approveExpenseReport(await staff(), id, links)).toEqual({ ok: false, error: 'expenses.errors.notSubmitted' });
    expect(await saveExpenseReport(trainer, randomUUID(), report())).toEqual({ ok: false, error: 'notFound' });
  });

  it('goes from draft to submitted, returned, submitted again and approved; the realised hours replace the reservation', async () => {
    // 8 aged 15+ and 1 under 15 at both sessions.
    const id = await endedTraining('Kuluselvityksen kulku', { adults: 8, minors: 1 });
    const trainer = await trainerOf(aurora);
    expect(await held(id)).toEqual({ reserved: 400, used: 0 });
    // Before anything is saved, the page starts from the planned sessions and the attendance.
    at('2027-03-12T10:00:00Z');
    const page = await expenseReportPage({ db: handle.db, clock }, { id, year: 2027, type: 'course', endsOn: '2027-03-09', sessions: await planSessions(handle.db, id) });
    expect(page).toMatchObject({
      report: null,
      content: { sessions: heldSessions, costs: [], marketingDeclaration: false },
      attendance: { attendedAdults: 8, attended: 9 },
      breakdown: { realisedHundredths: 400, supportCents: 0 },
      findings: [{ rule: 'marketingDeclaration', severity: 'hard' }],
      deadlines: { dueOn: '2027-04-06', finalOn: '2028-01-18' },
      standing: 'onTime',
      receipts: [],
      versions: [],
    });
    // A draft keeps what was typed, checks nothing, and leaves the training as it was.
    at('2027-03-15T10:00:00Z');
    const draft = report({ marketingDeclaration: false, notes: 'Kesken: tilavuokran lasku puuttuu', participantFeesCents: 8_000 });
    expect(await saveExpenseReport(trainer, id, draft)).toMatchObject({ ok: true });
    expect(await reportOf(id)).toMatchObject({ status: 'draft', version: 0, content: draft, supportCents: 0, firstSubmittedAt: null });
    expect(await trainingStatus(id)).toBe('ended');
    // Without the marketing declaration, or without sessions, it cannot be submitted.
    expect(await submitExpenseReport(trainer, id, draft)).toEqual({ ok: false, error: 'expenses.errors.declarationRequired' });
    expect(await submitExpenseReport(trainer, id, report({ sessions: [] }))).toEqual({ ok: false, error: 'expenses.errors.sessionsRequired' });
    expect(await reportOf(id)).toMatchObject({ status: 'draft', version: 0 });
    // Submitted: version 1 with its calculation and attendance; the participant fees do not reduce the support.
    at('2027-03-20T10:00:00Z');
    const first = report({ participantFeesCents: 8_000 });
    const submitted = await submitExpenseReport(trainer, id, first);
    expect(submitted).toMatchObject({ ok: true });
    const reportId = (await reportOf(id)).id;
    expect(submitted).toEqual({ ok: true, reportId });
    expect(await reportOf(id)).toMatchObject({ status: 'submitted', version: 1, realisedHundredths: 400, supportCents: 13_200, late: false, audit: false });
    expect(await trainingStatus(id)).toBe('reported');
    const [v1] = await reportVersions(handle.db, reportId, [1]);
    expect(v1).toMatchObject({ version: 1, content: first, attendedAdults: 8, breakdown: { realisedHundredths: 400, eligibleCostsCents: 24_000, byHoursCents: 14_000, byCostsCents: 13_200, supportCents: 13_200, binding: 'byCosts' } });
    // While it waits for review the trainer cannot change it.
    expect(await saveExpenseReport(trainer, id, report())).toEqual({ ok: false, error: 'expenses.errors.notEditable' });
    expect(await submitExpenseReport(trainer, id, report())).toEqual({ ok: false, error: 'expenses.errors.notEditable' });
    // Returned with a comment: the training has ended again and the trainer is emailed the comment.
    at('2027-03-25T10:00:00Z');
    const comment = 'Tilavuokran summa ei täsmää laskuun, tarkista se.';
    expect(await returnExpenseReport(await staff(), id, comment, links)).toEqual({ ok: true });
    expect(await reportOf(id)).toMatchObject({ status: 'returned', version: 1 });
    expect(await trainingStatus(id)).toBe('ended');
    const [email] = await emailsTo(handle.db, aurora.trainer);
    expect(email!.bodyText).toContain(comment);
    expect(email!.bodyText).toContain(`/trainings/${id}/expense-report`);
    expect(await returnExpenseReport(await staff(), id, 'Uudestaan', links)).toEqual({ ok: false, error: 'expenses.errors.notSubmitted' });
    expect(await approveExpenseReport(await staff(), id, links)).toEqual({ ok: false, error: 'expenses.errors.notSubmitted' });
    // Sent again with other costs and a shorter second session (45 min): 135 min = 3,00 h.
    at('2027-03-27T10:00:00Z');
    const second = report({
      sessions: [heldSessions[0]!, { date: '2027-03-09', start: '18:00', end: '18:45', breakMinutes: 0 }],
      costs: [
        { category: 'trainerFees', description: 'Kouluttajan palkkio sivukuluineen', amountCents: 20_000 },
        { category: 'premises', description: 'Seurantalon vuokra (korjattu)', amountCents: 6_000 },
      ],
    });
    expect(await submitExpenseReport(trainer, id, second)).toEqual({ ok: true, reportId });
    // By hours 35,00 € × 3 h = 105,00 €; by costs 55 % × 260,00 € = 143,00 € → 105,00 €.
    expect(await reportOf(id)).toMatchObject({ status: 'submitted', version: 2, realisedHundredths: 300, supportCents: 10_500 });
    const [kept1, kept2, none] = await reportVersions(handle.db, reportId, [1, 2, 3]);
    expect(kept1).toMatchObject({ content: first, breakdown: { supportCents: 13_200 } });
    expect(kept2).toMatchObject({ content: second, attendedAdults: 8, breakdown: { realisedHundredths: 300, eligibleCostsCents: 26_000, supportCents: 10_500, binding: 'byHours' } });
    expect(none).toBeNull();
    // Approved: 3 h used, the 1 h not used goes back to the pool.
    const freeBefore = await poolFree(aurora);
    at('2027-04-02T10:00:00Z');
    expect(await approveExpenseReport(await staff(), id, links)).toEqual({ ok: true });
    expect(await reportOf(id)).toMatchObject({ status: 'approved', supportCents: 10_500 });
    expect(await trainingStatus(id)).toBe('approved');
    expect(await held(id)).toEqual({ reserved: 0, used: 300 });
    expect(await poolFree(aurora)).toBe(freeBefore + 100);
    // Decided once.
    expect(await approveExpenseReport(await staff(), id, links)).toEqual({ ok: false, error: 'expenses.errors.notSubmitted' });
    expect(await rejectExpenseReport(await staff(), id, 'Ei', links)).toEqual({ ok: false, error: 'expenses.errors.notSubmitted' });
    expect(await saveExpenseReport(trainer, id, report())).toEqual({ ok: false, error: 'expenses.errors.notEditable' });
    expect(await held(id)).toEqual({ reserved: 0, used: 300 });
    expect((await reportEvents(handle.db, reportId)).map((e) => [e.kind, e.version])).toEqual([
      ['approved', 2],
      ['submitted', 2],
      ['returned', 1],
      ['submitted', 1],
    ]);
  });

  it('takes realised hours above the reservation from free hours, and refuses with the numbers when there are none', async () => {
    // Organisation B has 10 h; the plan reserves 4 h, so 6 h are free.
    const id = await endedTraining('Venynyt kuorokurssi', { place: coast });
    const trainer = await trainerOf(coast);
    expect(await poolFree(coast)).toBe(600);
    // 8 h + 1 h 30 min = 570 min = 12,67 h: 8,67 h more than reserved, and only 6 h free.
    at('2027-03-20T10:00:00Z');
    const long = report({ sessions: [{ date: '2027-03-02', start: '09:00', end: '17:00', breakMinutes: 0 }, heldSessions[1]!] });
    expect(await submitExpenseReport(trainer, id, long)).toMatchObject({ ok: true });
    expect(await approveExpenseReport(await staff(), id, links)).toEqual({ ok: false, error: 'hours.errors.insufficient', availableHundredths: 600, neededHundredths: 1267 });
    // Nothing changed.
    expect(await reportOf(id)).toMatchObject({ status: 'submitted', decidedAt: null });
    expect(await trainingStatus(id)).toBe('reported');
    expect(await held(id)).toEqual({ reserved: 400, used: 0 });
    expect(await poolFree(coast)).toBe(600);
    // Corrected to 3 h + 1 h 30 min = 270 min = 6,00 h: the 2 h more come from the free hours.
    expect(await returnExpenseReport(await staff(), id, 'Tarkista ensimmäisen päivän kesto', links)).toEqual({ ok: true });
    const corrected = report({ sessions: [{ date: '2027-03-02', start: '09:00', end: '12:00', breakMinutes: 0 }, heldSessions[1]!] });
    expect(await submitExpenseReport(trainer, id, corrected)).toMatchObject({ ok: true });
    expect(await approveExpenseReport(await staff(), id, links)).toEqual({ ok: true });
    expect(await held(id)).toEqual({ reserved: 0, used: 600 });
    expect(await poolFree(coast)).toBe(400);
  });

  it('is not approved when fewer than 7 aged 15+ attended, and a rejection gives the reserved hours back', async () => {
    // 6 aged 15+ and 3 under 15: nine people, but only six count.
    const id = await endedTraining('Liian pieni ryhmä', { adults: 6, minors: 3 });
    at('2027-03-20T10:00:00Z');
    expect(await submitExpenseReport(await trainerOf(aurora), id, report())).toMatchObject({ ok: true });
    expect((await reportVersions(handle.db, (await reportOf(id)).id, [1]))[0]!.attendedAdults).toBe(6);
    expect(await approveExpenseReport(await staff(), id, links)).toEqual({
      ok: false,
      error: 'expenses.errors.ineligible',
      findings: [{ rule: 'minAttended', severity: 'hard', params: { attended: 6, minimum: 7, age: 15 } }],
    });
    expect(await reportOf(id)).toMatchObject({ status: 'submitted' });
    expect(await held(id)).toEqual({ reserved: 400, used: 0 });
    const freeBefore = await poolFree(aurora);
    expect(await rejectExpenseReport(await staff(), id, 'Liian vähän osallistujia', links)).toEqual({ ok: true });
    expect(await reportOf(id)).toMatchObject({ status: 'rejected' });
    expect(await held(id)).toEqual({ reserved: 0, used: 0 });
    expect(await poolFree(aurora)).toBe(freeBefore + 400);
    const [email] = await emailsTo(handle.db, aurora.trainer);
    expect(email!.bodyText).toContain('Liian vähän osallistujia');
    // A rejected report stays rejected.
    expect(await saveExpenseReport(await trainerOf(aurora), id, report())).toEqual({ ok: false, error: 'expenses.errors.notEditable' });
    expect(await submitExpenseReport(await trainerOf(aurora), id, report())).toEqual({ ok: false, error: 'expenses.errors.notEditable' });
  });

  it('is not approved when the realised figures break the rules on hours, year or sessions', async () => {
    const id = await endedTraining('Rikkinäinen raportti');
    at('2027-03-20T10:00:00Z');
    // 45 minutes (1,00 h) is the minimum; 35 + 5 = 40 minutes (0,89 h) is not. A session in 2028 is outside the training's year.
    const short = report({ sessions: [{ date: '2027-03-02', start: '18:00', end: '18:35', breakMinutes: 0 }, { date: '2028-01-02', start: '18:00', end: '18:05', breakMinutes: 0 }] });
    expect(await submitExpenseReport(await trainerOf(aurora), id, short)).toMatchObject({ ok: true });
    expect(await approveExpenseReport(await staff(), id, links)).toEqual({
      ok: false,
      error: 'expenses.errors.ineligible',
      findings: [
        { rule: 'sessionYear', severity: 'hard', params: { year: 2027 } },
        { rule: 'minHours', severity: 'hard', params: { hundredths: 89, minimum: 100 } },
      ],
    });
    expect(await reportOf(id)).toMatchObject({ status: 'submitted' });
    expect(await held(id)).toEqual({ reserved: 400, used: 0 });
  });
});

describe('audit', () => {
  it('picks by the seed and the report id alone, about the share asked for', () => {
    const ids = Array.from({ length: 5000 }, () => randomUUID());
    const seed = 'testisiemen';
    const picked = ids.filter((id) => isPickedForAudit(seed, id, 1000));
    // 10 % of 5 000 = 500, one standard deviation about 21.
    expect(picked.length).toBeGreaterThanOrEqual(400);
    expect(picked.length).toBeLessThanOrEqual(600);
    // The same answer every time for the same seed and id.
    expect(ids.filter((id) => isPickedForAudit(seed, id, 1000))).toEqual(picked);
    // A larger share picks the same reports and more.
    const more = ids.filter((id) => isPickedForAudit(seed, id, 2000));
    expect(picked.every((id) => more.includes(id))).toBe(true);
    expect(more.length).toBeGreaterThan(picked.length + 300);
    // Another year's seed picks other reports.
    expect(ids.filter((id) => isPickedForAudit('toinen siemen', id, 1000))).not.toEqual(picked);
    expect(ids.filter((id) => isPickedForAudit(seed, id, 0))).toEqual([]);
    expect(ids.filter((id) => isPickedForAudit(seed, id, 10_000))).toHaveLength(5000);
  });

  it('keeps one secret seed per year', async () => {
    const seed = await auditSeedFor(handle.db, 2031);
    expect(seed).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await auditSeedFor(handle.db, 2031)).toBe(seed);
    expect(await auditSeedFor(handle.db, 2032)).not.toBe(seed);
  });

  it('is decided at the first submission and kept however the share changes; an audited report needs checked receipts', async () => {
    const picked = await endedTraining('Tarkastukseen valittu');
    const notPicked = await endedTraining('Tarkastamatta jäävä');
    const trainer = await trainerOf(aurora);
    at('2027-03-20T10:00:00Z');
    expect(await submitExpenseReport(trainer, notPicked, report())).toMatchObject({ ok: true });
    await setAuditShare(10_000);
    expect(await submitExpenseReport(trainer, picked, report())).toMatchObject({ ok: true });
    const pickedReport = await reportOf(picked);
    expect(pickedReport.audit).toBe(true);
    expect(isPickedForAudit(await auditSeedFor(handle.db, 2027), pickedReport.id, 10_000)).toBe(true);
    expect((await reportOf(notPicked)).audit).toBe(false);
    // Without receipts it cannot be approved, nor can staff check receipts that are not there.
    expect(await approveExpenseReport(await staff(), picked, links)).toEqual({ ok: false, error: 'expenses.errors.receiptsMissing' });
    expect(await markReceiptsChecked(await staff(), picked)).toEqual({ ok: false, error: 'expenses.errors.receiptsMissing' });
    expect(await markReceiptsChecked(await staff(), notPicked)).toEqual({ ok: false, error: 'expenses.errors.notAudited' });
    // Receipts attached while it waits, but not yet checked.
    expect(await addReceipt(trainer, picked, { name: 'palkkio.pdf', bytes: pdf })).toEqual({ ok: true });
    expect(await approveExpenseReport(await staff(), picked, links)).toEqual({ ok: false, error: 'expenses.errors.receiptsNotChecked' });
    expect(await markReceiptsChecked(await staff(), picked)).toEqual({ ok: true });
    // A receipt added after the check needs checking again.
    expect(await addReceipt(trainer, picked, { name: 'vuokra.png', bytes: makePng(40, 30) })).toEqual({ ok: true });
    expect(await approveExpenseReport(await staff(), picked, links)).toEqual({ ok: false, error: 'expenses.errors.receiptsNotChecked' });
    expect(await markReceiptsChecked(await staff(), picked)).toEqual({ ok: true });
    // Returned and sent again with the share now 0: still audited, and the check is needed again.
    expect(await returnExpenseReport(await staff(), picked, 'Korjaa kuvaus', links)).toEqual({ ok: true });
    expect(await returnExpenseReport(await staff(), notPicked, 'Korjaa kuvaus', links)).toEqual({ ok: true });
    await setAuditShare(0);
    at('2027-03-22T10:00:00Z');
    expect(await submitExpenseReport(trainer, picked, report({ notes: 'Kuvaus korjattu' }))).toMatchObject({ ok: true });
    expect(await reportOf(picked)).toMatchObject({ version: 2, audit: true, receiptsCheckedAt: null });
    // And the other way round: not picked at first, not picked when sent again with the share at 100 %.
    await setAuditShare(10_000);
    expect(await submitExpenseReport(trainer, notPicked, report({ notes: 'Kuvaus korjattu' }))).toMatchObject({ ok: true });
    expect(await reportOf(notPicked)).toMatchObject({ version: 2, audit: false });
    await setAuditShare(0);
    expect(await approveExpenseReport(await staff(), picked, links)).toEqual({ ok: false, error: 'expenses.errors.receiptsNotChecked' });
    expect(await markReceiptsChecked(await staff(), picked)).toEqual({ ok: true });
    expect(await approveExpenseReport(await staff(), picked, links)).toEqual({ ok: true });
    expect(await approveExpenseReport(await staff(), notPicked, links)).toEqual({ ok: true });
    expect((await reportEvents(handle.db, pickedReport.id)).map((e) => e.kind)).toEqual(['approved', 'receiptsChecked', 'submitted', 'returned', 'receiptsChecked', 'receiptsChecked', 'submitted']);
  });
});

describe('receipts', () => {
  it('are checked by content: a whole PDF, PNG or JPEG of at most 5 MB', () => {
    expect(checkReceipt(pdf)).toEqual({ ok: true, mimeType: 'application/pdf' });
    expect(checkReceipt(makePng(20, 20))).toEqual({ ok: true, mimeType: 'image/png' });
    expect(checkReceipt(makeJpegFrame(640, 480))).toEqual({ ok: true, mimeType: 'image/jpeg' });
    // A PDF cut short has no end-of-file marker; a PNG without its end chunk is truncated too.
    expect(checkReceipt(pdf.subarray(0, 30))).toEqual({ ok: false, error: 'images.truncated' });
    const png = makePng(20, 20);
    expect(checkReceipt(png.subarray(0, png.length - 12))).toEqual({ ok: false, error: 'images.truncated' });
    // Not a receipt type, whatever the name says.
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(checkReceipt(svg)).toEqual({ ok: false, error: 'expenses.errors.receiptType' });
    expect(checkReceipt(new TextEncoder().encode('Kuitti: 40,00 €'))).toEqual({ ok: false, error: 'expenses.errors.receiptType' });
    expect(checkReceipt(new Uint8Array(0))).toEqual({ ok: false, error: 'images.empty' });
    // 5 MB exactly is allowed, a byte more is not.
    const sized = (bytes: number) => {
      const file = new Uint8Array(bytes).fill(0x20);
      file.set(Buffer.from('%PDF-1.4\n'), 0);
      file.set(Buffer.from('%%EOF\n'), bytes - 6);
      return file;
    };
    expect(receiptLimits.maxBytes).toBe(5 * 1024 * 1024);
    expect(checkReceipt(sized(5 * 1024 * 1024))).toEqual({ ok: true, mimeType: 'application/pdf' });
    expect(checkReceipt(sized(5 * 1024 * 1024 + 1))).toEqual({ ok: false, error: 'expenses.errors.receiptTooLarge' });
  });

  it('keep only the last part of the file name, without control or quote characters', () => {
    expect(receiptFileName('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(receiptFileName('C:\\Users\\Aino\\Kuitit\\vuokra 3-2027.pdf', 'application/pdf')).toBe('vuokra 3-2027.pdf');
    expect(receiptFileName('kuit\u0000ti\r\n\u001b[31m\u007f.pdf', 'application/pdf')).toBe('kuitti[31m.pdf');
    expect(receiptFileName('"<lasku>".png', 'image/png')).toBe('lasku.png');
    expect(receiptFileName('kansio/', 'application/pdf')).toBe('receipt.pdf');
    expect(receiptFileName('\u0000\u0001', 'image/png')).toBe('receipt.png');
    expect(receiptFileName('', 'image/jpeg')).toBe('receipt.jpg');
    expect(receiptFileName(`${'x'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(150);
  });

  it('are added while the report is written or waits for review, and removed only while it is written', async () => {
    const id = await endedTraining('Kuittikurssi');
    const other = await endedTraining('Toinen kuittikurssi');
    const trainer = await trainerOf(aurora);
    at('2027-03-15T10:00:00Z');
    // The first receipt starts the report as a draft of the planned sessions.
    expect(await addReceipt(trainer, id, { name: '../../etc/passwd', bytes: pdf })).toEqual({ ok: true });
    expect(await reportOf(id)).toMatchObject({ status: 'draft', content: { sessions: heldSessions, costs: [], marketingDeclaration: false } });
    const reportId = (await reportOf(id)).id;
    expect(await addReceipt(trainer, id, { name: 'lasku.svg', bytes: new TextEncoder().encode('<svg/>') })).toEqual({ ok: false, error: 'expenses.errors.receiptType' });
    expect(await addReceipt(trainer, id, { name: 'tyhja.pdf', bytes: new Uint8Array(0) })).toEqual({ ok: false, error: 'images.empty' });
    const photo = makePng(32, 24);
    at('2027-03-15T10:05:00Z');
    expect(await addReceipt(trainer, id, { name: 'IMG_0042.png', bytes: photo })).toEqual({ ok: true });
    const receipts = await listReceipts(handle.db, reportId);
    expect(receipts.map((r) => [r.fileName, r.mimeType, r.sizeBytes])).toEqual([
      ['passwd', 'application/pdf', pdf.length],
      ['IMG_0042.png', 'image/png', photo.length],
    ]);
    const [pdfReceipt, photoReceipt] = receipts;
    // Read back byte for byte, only through its own training.
    const read = await readReceipt(handle.db, id, photoReceipt!.id);
    expect(read).toMatchObject({ fileName: 'IMG_0042.png', mimeType: 'image/png' });
    expect(new Uint8Array(read!.bytes)).toEqual(photo);
    expect(await readReceipt(handle.db, other, photoReceipt!.id)).toBeNull();
    expect(await removeReceipt(trainer, other, photoReceipt!.id)).toEqual({ ok: false, error: 'notFound' });
    // Removed while a draft.
    expect(await removeReceipt(trainer, id, pdfReceipt!.id)).toEqual({ ok: true });
    expect(await removeReceipt(trainer, id, pdfReceipt!.id)).toEqual({ ok: false, error: 'notFound' });
    expect((await listReceipts(handle.db, reportId)).map((r) => r.fileName)).toEqual(['IMG_0042.png']);
    // Submitted: one more can be added, none removed.
    at('2027-03-20T10:00:00Z');
    expect(await submitExpenseReport(trainer, id, report())).toMatchObject({ ok: true });
    expect(await addReceipt(trainer, id, { name: 'matkat.pdf', bytes: pdf })).toEqual({ ok: true });
    expect(await removeReceipt(trainer, id, photoReceipt!.id)).toEqual({ ok: false, error: 'expenses.errors.notEditable' });
    expect(await listReceipts(handle.db, reportId)).toHaveLength(2);
    // Approved: no more changes.
    expect(await approveExpenseReport(await staff(), id, links)).toEqual({ ok: true });
    expect(await addReceipt(trainer, id, { name: 'myohassa.pdf', bytes: pdf })).toEqual({ ok: false, error: 'expenses.errors.notEditable' });
    expect(await listReceipts(handle.db, reportId)).toHaveLength(2);
  });

  it('are at most 30 per report', async () => {
    const id = await endedTraining('Monen kuitin kurssi');
    const trainer = await trainerOf(aurora);
    at('2027-03-15T10:00:00Z');
    for (let i = 0; i < receiptLimits.perReport; i++) expect(await addReceipt(trainer, id, { name: `kuitti-${i}.pdf`, bytes: pdf })).toEqual({ ok: true });
    expect(await addReceipt(trainer, id, { name: 'liikaa.pdf', bytes: pdf })).toEqual({ ok: false, error: 'expenses.errors.tooManyReceipts' });
    expect(await listReceipts(handle.db, (await reportOf(id)).id)).toHaveLength(30);
  });
});

describe('review lists and the support overview', () => {
  it('filter staff’s queue by status, organisation, year, lateness and audit, and sum the support of an organisation’s year by scope', async () => {
    // Organisation C: four reports and one training without one.
    // Kallioniemi, on time: by hours 140,00 €, by costs 55 % × 240,00 € = 132,00 €.
    const onTime = await submittedReport('Luontopolun opas', { place: cape });
    // Metsäpolku, late (first sent on 1 May, the due day was 6 April): costs 100,00 € → 55,00 €.
    const late = await endedTraining('Sienikurssi', { place: forest });
    at('2027-05-01T10:00:00Z');
    expect(await submitExpenseReport(await trainerOf(forest), late, report({ costs: [{ category: 'trainerFees', description: '', amountCents: 10_000 }] }))).toMatchObject({ ok: true });
    // Kallioniemi, approved: costs 200,00 € → 110,00 €.
    const approved = await submittedReport('Lintujen tunnistus', { place: cape, content: report({ costs: [{ category: 'trainerFees', description: '', amountCents: 20_000 }] }) });
    expect(await approveExpenseReport(await staff(), approved, links)).toEqual({ ok: true });
    // Kallioniemi, picked for audit: costs 60,00 € → 33,00 €.
    await setAuditShare(10_000);
    const audited = await submittedReport('Kasvion kokoaminen', { place: cape, on: '2027-03-21T10:00:00Z', content: report({ costs: [{ category: 'premises', description: '', amountCents: 6_000 }] }) });
    await setAuditShare(0);
    // Metsäpolku, ended without a report.
    const unreported = await endedTraining('Ensiavun perusteet', { place: forest });

    const queue = async (filters: Partial<Parameters<typeof listReportsForReview>[1]> = {}, email = 'asiantuntija@sivis.example') => {
      const page = await listReportsForReview(await as(email), { status: 'submitted', organisationId: cape.organisationId, year: 2027, late: false, audit: false, page: 1, ...filters });
      return { names: page.rows.map((r) => r.trainingName), total: page.total, supportCents: page.supportCents };
    };
    // Oldest submission first: 20 March (on time), 21 March (audited), 1 May (late).
    expect(await queue()).toEqual({ names: ['Luontopolun opas', 'Kasvion kokoaminen', 'Sienikurssi'], total: 3, supportCents: 13_200 + 3_300 + 5_500 });
    expect(await queue({ late: true })).toEqual({ names: ['Sienikurssi'], total: 1, supportCents: 5_500 });
    expect(await queue({ audit: true })).toEqual({ names: ['Kasvion kokoaminen'], total: 1, supportCents: 3_300 });
    expect(await queue({ late: true, audit: true })).toEqual({ names: [], total: 0, supportCents: 0 });
    expect(await queue({ status: 'approved' })).toEqual({ names: ['Lintujen tunnistus'], total: 1, supportCents: 11_000 });
    expect(await queue({ year: 2026 })).toEqual({ names: [], total: 0, supportCents: 0 });
    const row = (await listReportsForReview(await staff(), { status: 'submitted', organisationId: cape.organisationId, year: 2027, late: false, audit: true, page: 1 })).rows[0]!;
    expect(row).toMatchObject({ organisationName: 'Lähiluonnon Ystävät ry', version: 1, late: false, audit: true, receiptsChecked: false, realisedHundredths: 400, endsOn: '2027-03-09' });
    // Another organisation's queue has none of C's reports; without the filter, all organisations'.
    const ofA = await queue({ organisationId: aurora.organisationId });
    expect(ofA.total).toBeGreaterThan(0);
    expect(ofA.names).not.toContain('Luontopolun opas');
    const all = await queue({ organisationId: null });
    expect(all.names).toEqual(expect.arrayContaining(['Luontopolun opas', 'Kasvion kokoaminen', 'Sienikurssi']));
    expect(all.total).toBe(ofA.total + 3 + (await queue({ organisationId: coast.organisationId })).total);
    // The queue is staff's only.
    expect(await queue({}, 'paakayttaja@lly.example')).toEqual({ names: [], total: 0, supportCents: 0 });

    const overview = async (email: string) => {
      const result = await supportOverview(await as(email), cape.organisationId, 2027);
      return { ids: result.rows.map((r) => r.trainingId).sort(), totals: result.totals };
    };
    // The admin: every training of the year that has reached reporting.
    expect(await overview('paakayttaja@lly.example')).toEqual({
      ids: [onTime, late, approved, audited, unreported].sort(),
      totals: { reportedCents: 13_200 + 5_500 + 3_300, approvedCents: 11_000, inBatchCents: 0, paidCents: 0, reported: 3, approved: 1, inBatch: 0, paid: 0, unreported: 1 },
    });
    expect((await overview('asiantuntija@sivis.example')).totals).toMatchObject({ reportedCents: 22_000, approvedCents: 11_000 });
    // The Järviseutu coordinator: Kallioniemi's trainings only, not Metsäpolku's.
    expect(await overview('yhteyshenkilo@lly.example')).toEqual({
      ids: [onTime, approved, audited].sort(),
      totals: { reportedCents: 13_200 + 3_300, approvedCents: 11_000, inBatchCents: 0, paidCents: 0, reported: 2, approved: 1, inBatch: 0, paid: 0, unreported: 0 },
    });
    // A trainer, or another organisation's admin, sees nothing.
    expect((await overview('kouluttaja1@lly.example')).ids).toEqual([]);
    expect((await overview('paakayttaja@kll.example')).ids).toEqual([]);
  });
});

describe('releasing unreported reservations', () => {
  it('gives back, once, the hours of trainings without a report after the January deadline', async () => {
    const unreported = await endedTraining('Raportoimatta jäänyt');
    const draftOnly = await endedTraining('Vain luonnos');
    const reported = await submittedReport('Ajoissa raportoitu');
    const permitted = await endedTraining('Myöhäinen lupa');
    at('2027-06-01T10:00:00Z');
    expect(await saveExpenseReport(await trainerOf(aurora), draftOnly, report())).toMatchObject({ ok: true });
    for (const id of [unreported, draftOnly, reported, permitted]) expect(await held(id)).toEqual({ reserved: 400, used: 0 });
    // 18 January 2028 23:59:59 in Helsinki: still the last day, nothing is released.
    at('2028-01-18T21:59:59Z');
    expect(await releaseUnreportedReservations({ db: handle.db, clock })).toBe(0);
    expect(await held(unreported)).toEqual({ reserved: 400, used: 0 });
    // 19 January: staff allow one late report, and the job runs.
    at('2028-01-19T05:00:00Z');
    expect(await permitLateReport(await staff(), permitted, 'Sovittu puhelimessa')).toEqual({ ok: true });
    const freeBefore = await poolFree(aurora);
    at('2028-01-19T06:00:00Z');
    const released = await releaseUnreportedReservations({ db: handle.db, clock });
    expect(released).toBeGreaterThanOrEqual(2);
    expect(await held(unreported)).toEqual({ reserved: 0, used: 0 });
    expect(await held(draftOnly)).toEqual({ reserved: 0, used: 0 });
    expect(await held(reported)).toEqual({ reserved: 400, used: 0 });
    expect(await held(permitted)).toEqual({ reserved: 400, used: 0 });
    // The other trainings of organisation A released by this run (earlier tests' unreported ones) are in the pool too.
    expect(await poolFree(aurora)).toBeGreaterThanOrEqual(freeBefore + 800);
    const [release] = await handle.db.select().from(reservationReleases).where(eq(reservationReleases.trainingId, unreported));
    expect(release!.releasedOn).toBe('2028-01-19');
    // Once: a second run releases nothing and writes no second audit row.
    at('2028-01-20T06:00:00Z');
    const freeAfter = await poolFree(aurora);
    expect(await releaseUnreportedReservations({ db: handle.db, clock })).toBe(0);
    expect(await poolFree(aurora)).toBe(freeAfter);
    const audits = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'expenseReport.reservationReleased'), eq(auditLog.targetId, unreported)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toEqual({ year: 2027 });
    // Staff may still allow a released training's report: on approval its hours are taken from the pool anew.
    expect(await permitLateReport(await staff(), unreported, 'Hyväksytty poikkeus')).toEqual({ ok: true });
    expect(await submitExpenseReport(await trainerOf(aurora), unreported, report())).toMatchObject({ ok: true });
    expect(await approveExpenseReport(await staff(), unreported, links)).toEqual({ ok: true });
    expect(await held(unreported)).toEqual({ reserved: 0, used: 400 });
    expect(await poolFree(aurora)).toBe(freeAfter - 400);
    // The statuses and reports of the kept ones are as they were.
    expect(await trainingStatus(permitted)).toBe('ended');
    expect((await handle.db.select({ status: expenseReports.status }).from(expenseReports).where(eq(expenseReports.trainingId, reported)))[0]!.status).toBe('submitted');
  });
});

describe('approving under load', () => {
  it('decides each of four reports once when 200 approvals arrive at the same moment, moving their hours once', async () => {
    await setAuditShare(0);
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4]) ids.push(await submittedReport(`Rinnakkain hyväksytty ${n}`));
    const freeBefore = await poolFree(aurora);
    at('2027-04-03T10:00:00Z');
    const reviewer = await staff();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => approveExpenseReport(reviewer, ids[i % 4]!, links)));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'expenses.errors.notSubmitted')).toBe(true);
    for (const id of ids) {
      expect(await held(id)).toEqual({ reserved: 0, used: 400 });
      expect((await reportEvents(handle.db, (await reportOf(id)).id)).filter((e) => e.kind === 'approved')).toHaveLength(1);
    }
    // Realised as reserved (4 h each): nothing comes back to the pool, nothing more is taken.
    expect(await poolFree(aurora)).toBe(freeBefore);
    await setAuditShare(defaultSupportRules(2027).auditShareBasisPoints);
  });
});
