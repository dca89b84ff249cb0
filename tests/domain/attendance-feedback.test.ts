import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { queryRows } from '../../server/db/query-rows';
import { attendanceSheet, attendanceSummary, recordAttendance, recordAttendanceCounts, setAttendanceMode } from '../../server/trainings/attendance';
import { answerFeedback, organisationFeedbackSummary, requestFeedback, trainingFeedbackSummary } from '../../server/trainings/feedback';
import { addParticipants, listParticipants } from '../../server/trainings/participants';
import type { PlanInput } from '../../server/trainings/plans';
import { registerForTraining } from '../../server/trainings/registration';
import { advanceTrainingStatuses } from '../../server/trainings/status';
import { actorByEmail } from '../support/demo';
import { emailsTo, linkSecretEmailedTo } from '../support/outbox';
import { submittedPublicPlan, trainingsTestDatabase } from '../support/trainings';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
let orgA: string;
let aurora: string;
const links = { publicUrl: 'http://sivis.test' };
const at = (iso: string) => clock.set(new Date(iso), { frozen: true });
const trainer = async () => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, 'kouluttaja1@kll.example') });
const person = (name: string, birthYear: number, email = '') => ({ name, email, birthYear, municipality: 'Oulu', gender: null, firstTimeThisYear: false });
// The sample plan's sessions: 2 March 18:00 and 9 March 18:00, 2027.
const first = { date: '2027-03-02', start: '18:00' };
const second = { date: '2027-03-09', start: '18:00' };

/** A submitted public plan, the clock on its planning day (15 January 2027). */
function submittedPlan(changes: Partial<PlanInput> = {}) {
  at('2027-01-15T09:00:00Z');
  return submittedPublicPlan(handle.db, orgA, aurora, changes);
}
const feedbackToken = (email: string) => linkSecretEmailedTo(handle.db, email, 'feedback');

beforeAll(async () => {
  ({ handle, orgA, aurora } = await trainingsTestDatabase(50_000));
});
afterAll(() => handle.close());

describe('attendance', () => {
  it('is ticked for held sessions only, for the training’s own participants, and counts those aged 15 or more once', async () => {
    const id = await submittedPlan({ name: 'Läsnäolokurssi' });
    expect((await addParticipants(await trainer(), id, [person('Aikuinen Aino', 1980), person('Nuori Niko', 2015), person('Poissa Pertti', 1970)])).ok).toBe(true);
    const idOf = async (name: string) => (await listParticipants(handle.db, id)).find((p) => p.name === name)!.id;
    const aino = () => idOf('Aikuinen Aino');
    const niko = () => idOf('Nuori Niko');
    const pertti = () => idOf('Poissa Pertti');
    // Before the first session: not yet.
    at('2027-03-01T12:00:00Z');
    expect(await recordAttendance(await trainer(), id, first, [await aino()])).toEqual({ ok: false, error: 'attendance.errors.notOpen' });
    at('2027-03-02T19:00:00Z');
    expect(await recordAttendance(await trainer(), id, first, [await aino(), await niko()])).toEqual({ ok: true });
    // A session the plan does not have, and someone not on the training.
    expect(await recordAttendance(await trainer(), id, { date: '2027-03-02', start: '09:00' }, [])).toEqual({ ok: false, error: 'notFound' });
    const other = await submittedPlan({ name: 'Toinen kurssi' });
    await addParticipants(await trainer(), other, [person('Vieras Veera', 1990)]);
    const veera = (await listParticipants(handle.db, other))[0]!.id;
    at('2027-03-02T19:00:00Z');
    expect(await recordAttendance(await trainer(), id, first, [await aino(), veera])).toEqual({ ok: false, error: 'attendance.errors.unknownParticipant' });
    expect((await attendanceSheet(handle.db, id, first)).people.filter((p) => p.present).map((p) => p.name)).toEqual(['Aikuinen Aino', 'Nuori Niko']);
    // The second week: Aino again, Pertti this time; saving the list again replaces it.
    at('2027-03-09T19:00:00Z');
    expect(await recordAttendance(await trainer(), id, second, [await aino()])).toEqual({ ok: true });
    expect(await recordAttendance(await trainer(), id, second, [await aino(), await pertti()])).toEqual({ ok: true });
    const summary = await attendanceSummary({ db: handle.db, clock }, id);
    // Aino and Pertti are 15 or more in 2027 (Aino counted once); Niko is 12.
    expect(summary).toMatchObject({ mode: 'list', minimumAge: 15, attended: 3, attendedAdults: 2 });
    expect(summary!.sessions).toEqual([
      { date: '2027-03-02', start: '18:00', present: 2 },
      { date: '2027-03-09', start: '18:00', present: 2 },
    ]);
  });

  it('is counted per age group for a large lecture, the largest session standing for the participants', async () => {
    const id = await submittedPlan({ name: 'Suuri luento', type: 'lecture' });
    at('2027-03-09T19:00:00Z');
    expect(await recordAttendanceCounts(await trainer(), id, first, { adults: 40, minors: 3 })).toEqual({ ok: false, error: 'attendance.errors.wrongMode' });
    expect(await setAttendanceMode(await trainer(), id, 'counts')).toEqual({ ok: true });
    expect(await recordAttendanceCounts(await trainer(), id, first, { adults: 40, minors: 3 })).toEqual({ ok: true });
    expect(await recordAttendanceCounts(await trainer(), id, second, { adults: 52, minors: 0 })).toEqual({ ok: true });
    expect(await recordAttendanceCounts(await trainer(), id, first, { adults: 41, minors: 3 })).toEqual({ ok: true });
    expect(await recordAttendance(await trainer(), id, first, [])).toEqual({ ok: false, error: 'attendance.errors.wrongMode' });
    expect(await attendanceSummary({ db: handle.db, clock }, id)).toMatchObject({ mode: 'counts', attendedAdults: 52, attended: 52 });
  });
});

describe('feedback', () => {
  it('is asked once from those with a place after the training ends, one anonymous answer per link, for 30 days', async () => {
    const id = await submittedPlan({ name: 'Palautekurssi', capacity: 2 });
    for (const [n, email] of [[1, 'palaute1@example.test'], [2, 'palaute2@example.test'], [3, 'jonossa@example.test']] as const) {
      await registerForTraining({ db: handle.db, clock }, id, { ...person(`Vastaaja ${n}`, 1980, email), language: 'fi' }, links);
    }
    await addParticipants(await trainer(), id, [person('Ei sähköpostia', 1960)]);
    // The day after the last session the training has ended: links go to the two with a place and an email.
    at('2027-03-10T06:00:00Z');
    await advanceTrainingStatuses({ db: handle.db, clock });
    expect(await requestFeedback({ db: handle.db, clock }, links)).toBe(2);
    expect(await requestFeedback({ db: handle.db, clock }, links)).toBe(0);
    expect((await emailsTo(handle.db, 'jonossa@example.test'))[0]!.subject).not.toContain('Kerro mielipiteesi');
    const first = await feedbackToken('palaute1@example.test');
    const second = await feedbackToken('palaute2@example.test');
    expect(await answerFeedback({ db: handle.db, clock }, first, { grade: 5, good: 'Innostava', improve: '' })).toEqual({ ok: true });
    expect(await answerFeedback({ db: handle.db, clock }, first, { grade: 1, good: '', improve: 'Toinen yritys' })).toEqual({ ok: false, error: 'feedback.errors.used' });
    // Open for 30 days from sending.
    at('2027-04-09T06:00:01Z');
    expect(await answerFeedback({ db: handle.db, clock }, second, { grade: 4, good: '', improve: '' })).toEqual({ ok: false, error: 'feedback.errors.expired' });
    const summary = await trainingFeedbackSummary(handle.db, id);
    expect(summary).toMatchObject({ sent: 2, answers: 1, averageHundredths: 500 });
    expect(summary.comments.map((c) => c.good)).toEqual(['Innostava']);
  });

  it('cannot be tied to a person: answers keep no link, participant or time, links no person or time of use', async () => {
    const columns = async (table: string) =>
      (await queryRows<{ column_name: string }>(handle.db, sql`select column_name from information_schema.columns where table_name = ${table} order by column_name`)).map((r) => r.column_name);
    expect(await columns('feedback_answers')).toEqual(['answered_on', 'good', 'grade', 'id', 'improve', 'training_id']);
    expect(await columns('feedback_links')).toEqual(['expires_at', 'id', 'token_hash', 'training_id', 'used']);
  });

  it('sums up per training and for the organisation’s year', async () => {
    const id = await submittedPlan({ name: 'Yhteenvetokurssi' });
    for (const n of [1, 2, 3]) await registerForTraining({ db: handle.db, clock }, id, { ...person(`Yhteenveto ${n}`, 1980, `yhteenveto${n}@example.test`), language: 'fi' }, links);
    at('2027-03-10T06:00:00Z');
    await advanceTrainingStatuses({ db: handle.db, clock });
    await requestFeedback({ db: handle.db, clock }, links);
    for (const [n, grade] of [[1, 4], [2, 5], [3, 3]] as const) {
      expect(await answerFeedback({ db: handle.db, clock }, await feedbackToken(`yhteenveto${n}@example.test`), { grade, good: '', improve: n === 3 ? 'Enemmän taukoja' : '' })).toEqual({ ok: true });
    }
    const summary = await trainingFeedbackSummary(handle.db, id);
    expect(summary).toMatchObject({ sent: 3, answers: 3, averageHundredths: 400 });
    expect(summary.distribution).toEqual([1, 2, 3, 4, 5].map((grade) => ({ grade, count: [3, 4, 5].includes(grade) ? 1 : 0 })));
    const organisation = await organisationFeedbackSummary(handle.db, orgA, 2027);
    expect(organisation.answers).toBe(4);
    expect(organisation.trainings.map((t) => [t.name, t.answers, t.averageHundredths])).toEqual([
      ['Palautekurssi', 1, 500],
      ['Yhteenvetokurssi', 3, 400],
    ]);
    expect((await organisationFeedbackSummary(handle.db, orgA, 2026)).answers).toBe(0);
  });
});
