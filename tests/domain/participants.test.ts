import ICAL from 'ical.js';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseParticipantCsv } from '../../app/forms/participant-csv.server';
import { registrationSchema } from '../../app/forms/participants';
import { validateForm } from '../../app/forms/validation';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { trainingParticipants } from '../../server/db/schema';
import { takeRateLimit } from '../../server/access/rate-limit';
import { advanceTrainingStatuses } from '../../server/trainings/status';
import { organisationIcsFeed, organisationJsonFeed } from '../../server/trainings/feeds';
import { addParticipants, listParticipants, promoteWaiting, removeParticipant } from '../../server/trainings/participants';
import { type PlanInput, cancelPlan, savePlan } from '../../server/trainings/plans';
import { type PublicCalendarFilters, getPublicTraining, listPublicTrainings } from '../../server/trainings/public-calendar';
import { type ParticipantDetails, cancelRegistration, registerForTraining } from '../../server/trainings/registration';
import { actorByEmail, demoOrgA } from '../support/demo';
import { cancelTokenEmailedTo, emailsTo } from '../support/outbox';
import { samplePlan, submittedPublicPlan, trainingsTestDatabase } from '../support/trainings';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
let orgA: string;
let aurora: string;
const links = { publicUrl: 'http://sivis.test' };
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const visitor = () => ({ db: handle.db, clock });
const person = (n: number, changes: Partial<ParticipantDetails> = {}): ParticipantDetails & { language: 'fi' } => ({
  name: `Osallistuja ${n}`,
  email: `osallistuja${n}@example.test`,
  birthYear: 1950 + (n % 50),
  municipality: 'Tampere',
  gender: null,
  firstTimeThisYear: true,
  language: 'fi',
  ...changes,
});

/** A submitted plan of the demo trainer (sessions 2 and 9 March 2027), planned on 15 January (the clock is set there). */
async function submittedPlan(changes: Partial<PlanInput> = {}) {
  clock.set(new Date('2027-01-15T09:00:00Z'), { frozen: true });
  return submittedPublicPlan(handle.db, orgA, aurora, changes);
}

const cancelToken = (email: string) => cancelTokenEmailedTo(handle.db, email);

const statusOf = async (trainingId: string, email: string) =>
  (await handle.db.select({ status: trainingParticipants.status }).from(trainingParticipants).where(and(eq(trainingParticipants.trainingId, trainingId), eq(trainingParticipants.email, email))))[0]?.status;

beforeAll(async () => {
  ({ handle, orgA, aurora } = await trainingsTestDatabase(50_000));
});
afterAll(() => handle.close());

describe('registration', () => {
  it('gives places up to the capacity, then the waiting list, which moves up (emailed) when someone cancels', async () => {
    const id = await submittedPlan({ capacity: 2 });
    const results = [];
    for (const n of [1, 2, 3, 4]) results.push(await registerForTraining(visitor(), id, person(n), links));
    expect(results).toEqual([
      { ok: true, status: 'registered', position: 0 },
      { ok: true, status: 'registered', position: 0 },
      { ok: true, status: 'waiting', position: 1 },
      { ok: true, status: 'waiting', position: 2 },
    ]);
    expect((await emailsTo(handle.db, 'osallistuja1@example.test'))[0]!.subject).toContain('Ilmoittautuminen vahvistettu');
    expect((await emailsTo(handle.db, 'osallistuja3@example.test'))[0]!.bodyText).toContain('varasijalla numero 1');
    // A waiting person cancelling frees no place.
    expect(await cancelRegistration(visitor(), await cancelToken('osallistuja4@example.test'), links)).toEqual({ ok: true });
    expect(await statusOf(id, 'osallistuja3@example.test')).toBe('waiting');
    // A registered one does: the first in the queue gets it, with a new cancel link that works.
    expect(await cancelRegistration(visitor(), await cancelToken('osallistuja1@example.test'), links)).toEqual({ ok: true });
    expect(await statusOf(id, 'osallistuja1@example.test')).toBe('cancelled');
    expect(await statusOf(id, 'osallistuja3@example.test')).toBe('registered');
    const [promoted] = await emailsTo(handle.db, 'osallistuja3@example.test');
    expect(promoted!.subject).toContain('Sait paikan');
    expect((await getPublicTraining(handle.db, id))!.registered).toBe(2);
    // The same link twice: already cancelled.
    const firstLink = await cancelToken('osallistuja1@example.test').catch(() => null);
    expect(firstLink).toBeNull();
    expect(await cancelRegistration(visitor(), await cancelToken('osallistuja3@example.test'), links)).toEqual({ ok: true });
    expect(await statusOf(id, 'osallistuja3@example.test')).toBe('cancelled');
  });

  it('holds the capacity under parallel registrations', async () => {
    const id = await submittedPlan({ capacity: 5, name: 'Ruuhkakurssi' });
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => registerForTraining(visitor(), id, person(100 + n), links)));
    expect(results.filter((r) => r.ok && r.status === 'registered')).toHaveLength(5);
    expect(results.filter((r) => r.ok && r.status === 'waiting').map((r) => r.ok && r.position).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('closes after the deadline (by default the first session’s day) and refuses the same email twice', async () => {
    const id = await submittedPlan({ name: 'Määräaikakurssi', registrationEndsOn: '2027-02-20' });
    clock.set(new Date('2027-02-20T21:30:00Z'), { frozen: true }); // 23:30 in Helsinki: still the 20th
    expect(await registerForTraining(visitor(), id, person(200), links)).toMatchObject({ ok: true, status: 'registered' });
    expect(await registerForTraining(visitor(), id, person(200, { email: 'OSALLISTUJA200@example.test' }), links)).toEqual({ ok: false, error: 'publicCalendar.errors.alreadyRegistered' });
    // The page does not tell; the address itself is told.
    expect((await emailsTo(handle.db, 'OSALLISTUJA200@example.test'))[0]!.subject).toBe('Olet jo ilmoittautunut: Määräaikakurssi');
    clock.set(new Date('2027-02-20T22:30:00Z'), { frozen: true }); // 00:30 on the 21st
    expect(await registerForTraining(visitor(), id, person(201), links)).toEqual({ ok: false, error: 'publicCalendar.errors.closed' });
    const open = await submittedPlan({ name: 'Ilman määräaikaa' });
    clock.set(new Date('2027-03-02T12:00:00Z'), { frozen: true });
    expect(await registerForTraining(visitor(), open, person(202), links)).toMatchObject({ ok: true });
    clock.set(new Date('2027-03-03T08:00:00Z'), { frozen: true });
    expect(await registerForTraining(visitor(), open, person(203), links)).toEqual({ ok: false, error: 'publicCalendar.errors.closed' });
  });

  it('tells everyone with a place or on the waiting list when the training is cancelled', async () => {
    const id = await submittedPlan({ name: 'Peruttava kurssi', capacity: 1 });
    await registerForTraining(visitor(), id, person(500), links);
    await registerForTraining(visitor(), id, person(501), links);
    await registerForTraining(visitor(), id, person(502), links);
    await cancelRegistration(visitor(), await cancelToken('osallistuja502@example.test'), links);
    expect(await cancelPlan(await as('kouluttaja1@kll.example'), orgA, id, links)).toEqual({ ok: true, id });
    expect((await emailsTo(handle.db, 'osallistuja500@example.test'))[0]!.subject).toBe('Koulutus peruttu: Peruttava kurssi');
    expect((await emailsTo(handle.db, 'osallistuja501@example.test'))[0]!.subject).toBe('Koulutus peruttu: Peruttava kurssi');
    expect((await emailsTo(handle.db, 'osallistuja502@example.test'))[0]!.subject).toContain('Ilmoittautuminen peruttu');
    expect((await getPublicTraining(handle.db, id))!.status).toBe('cancelled');
    expect(await registerForTraining(visitor(), id, person(503), links)).toEqual({ ok: false, error: 'publicCalendar.errors.closed' });
  });

  it('is not possible for a training that is not public', async () => {
    const id = await submittedPlan({ name: 'Sisäinen kurssi', isPublic: false });
    expect(await registerForTraining(visitor(), id, person(300), links)).toEqual({ ok: false, error: 'notFound' });
    expect(await getPublicTraining(handle.db, id)).toBeNull();
  });

  it('requires consent to the privacy notice and a valid birth year', () => {
    const form = (fields: Record<string, string>) =>
      validateForm(registrationSchema(2027), Object.entries({ name: 'Maija', email: 'maija@example.test', birthYear: '1990', municipality: 'Oulu', gender: '', firstTimeThisYear: 'yes', ...fields }));
    const withoutConsent = form({});
    expect(withoutConsent.ok ? null : withoutConsent.errors.consent).toEqual({ key: 'publicCalendar.errors.consentRequired' });
    expect(form({ consent: 'yes' }).ok).toBe(true);
    const future = form({ consent: 'yes', birthYear: '2028' });
    expect(future.ok ? null : future.errors.birthYear).toEqual({ key: 'participants.errors.invalidBirthYear' });
  });
});

describe('the trainer’s participants', () => {
  it('imports a file only when every row is valid, and says what is wrong on which line', () => {
    const good = 'nimi;sähköposti;syntymävuosi;kotikunta;sukupuoli;ensimmäistä kertaa\nAino Esimerkki;aino@example.test;1970;Turku;nainen;kyllä\nBo Exempel;;1999;Vaasa;;nej\n';
    const parsed = parseParticipantCsv(good, 2027);
    expect(parsed).toEqual({
      ok: true,
      lines: [2, 3],
      people: [
        { name: 'Aino Esimerkki', email: 'aino@example.test', birthYear: 1970, municipality: 'Turku', gender: 'female', firstTimeThisYear: true },
        { name: 'Bo Exempel', email: '', birthYear: 1999, municipality: 'Vaasa', gender: null, firstTimeThisYear: false },
      ],
    });
    // A blank line (line 2) does not shift the lines reported.
    const bad = 'Aino Esimerkki,aino@example.test,1970,Turku,,yes\n\n,not-an-email,19x0,Turku,dog,maybe\nCarl,aino@example.test,1980,Espoo,,no\nToo,few\n';
    const refused = parseParticipantCsv(bad, 2027);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.errors.map((e) => `${e.line}:${e.field}:${e.error.key}`).sort()).toEqual([
      '3:birthYear:participants.errors.invalidBirthYear',
      '3:email:forms.invalidEmail',
      '3:firstTimeThisYear:participants.errors.chooseFirstTime',
      '3:gender:forms.invalidValue',
      '3:name:forms.required',
      '4:email:participants.errors.csvDuplicate',
      '5:row:participants.errors.csvColumns',
    ]);
    // Without headings, a mistake in the first row is reported, not taken for a heading and dropped.
    const typo = parseParticipantCsv('Aino;aino@example.test;19800;Turku;;kyllä\nBo;bo@example.test;1990;Vaasa;;ei', 2027);
    expect(typo.ok ? [] : typo.errors.map((e) => `${e.line}:${e.field}`)).toEqual(['1:birthYear']);
  });

  it('are added all or none, removed with the place going to the waiting list, and moved up after the capacity grows', async () => {
    const id = await submittedPlan({ name: 'Käsin lisätyt', capacity: 1 });
    const trainer = await as('kouluttaja1@kll.example');
    expect(await registerForTraining(visitor(), id, person(400), links)).toMatchObject({ status: 'registered' });
    expect(await registerForTraining(visitor(), id, person(401), links)).toMatchObject({ status: 'waiting' });
    // One of the two already has a place: nothing is added.
    const clash = await addParticipants(trainer, id, [person(402), person(400)]);
    expect(clash).toEqual({ ok: false, error: 'participants.errors.alreadyOnTraining', rows: [1] });
    expect((await listParticipants(handle.db, id)).map((p) => p.email)).toEqual(['osallistuja400@example.test', 'osallistuja401@example.test']);
    // The trainer decides: their additions get a place beyond the capacity.
    expect(await addParticipants(trainer, id, [person(402), person(403, { email: '' })])).toEqual({ ok: true, added: 2 });
    const registered = (await listParticipants(handle.db, id)).filter((p) => p.status === 'registered');
    expect(registered.map((p) => p.name)).toEqual(['Osallistuja 400', 'Osallistuja 402', 'Osallistuja 403']);
    // Removing one of three over a capacity of one frees no place.
    expect(await removeParticipant(trainer, id, registered[0]!.id, links)).toEqual({ ok: true, promoted: 0 });
    expect((await emailsTo(handle.db, 'osallistuja400@example.test'))[0]!.subject).toContain('Järjestäjä perui');
    const saved = await savePlan(trainer, orgA, id, samplePlan(aurora, { name: 'Käsin lisätyt', isPublic: true, capacity: 4 }));
    expect(saved.ok).toBe(true);
    expect(await promoteWaiting(trainer, id, links)).toEqual({ ok: true, promoted: 1 });
    expect(await statusOf(id, 'osallistuja401@example.test')).toBe('registered');
  });

  it('give a raised capacity to those waiting before any newcomer, and no places once the training has ended', async () => {
    const id = await submittedPlan({ name: 'Jonon kunnioitus', capacity: 1 });
    const trainer = await as('kouluttaja1@kll.example');
    await registerForTraining(visitor(), id, person(600), links);
    await registerForTraining(visitor(), id, person(601), links);
    expect((await savePlan(trainer, orgA, id, samplePlan(aurora, { name: 'Jonon kunnioitus', isPublic: true, capacity: 2 }))).ok).toBe(true);
    // The new place is the waiting person's; the newcomer waits.
    expect(await registerForTraining(visitor(), id, person(602), links)).toMatchObject({ ok: true, status: 'waiting', position: 1 });
    expect(await statusOf(id, 'osallistuja601@example.test')).toBe('registered');
    // After the last session the training has ended: removing someone gives nobody a place.
    clock.set(new Date('2027-03-10T08:00:00Z'), { frozen: true });
    await advanceTrainingStatuses({ db: handle.db, clock });
    const first = (await listParticipants(handle.db, id)).find((p) => p.email === 'osallistuja600@example.test')!;
    expect(await removeParticipant(trainer, id, first.id, links)).toEqual({ ok: true, promoted: 0 });
    expect(await statusOf(id, 'osallistuja602@example.test')).toBe('waiting');
  });

  it('limit public registrations from one address', async () => {
    const rule = { limit: 3, windowMs: 60_000 };
    clock.set(new Date('2027-01-15T09:00:00Z'), { frozen: true });
    const takes = [];
    for (let n = 0; n < 4; n++) takes.push(await takeRateLimit(handle.db, clock, 'registration:192.0.2.1', rule));
    expect(takes).toEqual([true, true, true, false]);
    expect(await takeRateLimit(handle.db, clock, 'registration:192.0.2.2', rule)).toBe(true);
    clock.set(new Date('2027-01-15T09:01:01Z'), { frozen: true });
    expect(await takeRateLimit(handle.db, clock, 'registration:192.0.2.1', rule)).toBe(true);
  });
});

describe('the public calendar and feeds', () => {
  it('list public trainings only, filtered by region, topic, dates and online', async () => {
    const base: PublicCalendarFilters = { search: '', region: null, topicClass: null, from: '2027-01-01', to: null, onlineOnly: false, organisationId: null, page: 1 };
    const lapland = await submittedPlan({ name: 'Lapin revontulikurssi', region: 'lappi', topicClass: 'environment' });
    const online = await submittedPlan({ name: 'Verkon kuorokurssi', mode: 'online', sessions: samplePlan(aurora).sessions.map((s) => ({ ...s, place: '', onlineLink: 'https://meet.example/kuoro' })) });
    const names = async (filters: Partial<typeof base>) => (await listPublicTrainings(visitor(), { ...base, ...filters })).rows.map((r) => r.name);
    expect(await names({ region: 'lappi' })).toEqual(['Lapin revontulikurssi']);
    expect(await names({ topicClass: 'environment' })).toEqual(['Lapin revontulikurssi']);
    expect(await names({ onlineOnly: true })).toEqual(['Verkon kuorokurssi']);
    expect(await names({ search: 'revontuli' })).toEqual(['Lapin revontulikurssi']);
    expect(await names({ from: '2027-03-10' })).toEqual([]);
    expect(await names({ to: '2027-02-01' })).toEqual([]);
    expect(await names({})).not.toContain('Sisäinen kurssi');
    expect((await getPublicTraining(handle.db, online))!.sessions[0]!.onlineLink).toBe('https://meet.example/kuoro');
    expect(lapland).toBeTruthy();
  });

  it('give an organisation’s public trainings as JSON and as iCalendar that an independent parser reads', async () => {
    clock.set(new Date('2027-02-01T09:00:00Z'), { frozen: true });
    const json = await organisationJsonFeed(visitor(), orgA, 'fi', links);
    const lapland = json!.trainings.find((t) => t.name === 'Lapin revontulikurssi');
    expect(lapland).toMatchObject({ startsOn: '2027-03-02', endsOn: '2027-03-09', region: 'lappi', url: expect.stringMatching(/^http:\/\/sivis\.test\/training-calendar\/[0-9a-f-]{36}$/) });
    expect(json!.trainings.map((t) => t.name)).not.toContain('Sisäinen kurssi');
    expect(json!.cooperation).toContain(demoOrgA);
    expect(JSON.stringify(json)).not.toContain('@example.test');
    const ics = await organisationIcsFeed(visitor(), orgA, 'fi', links);
    const calendar = new ICAL.Component(ICAL.parse(ics!));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const laplandEvents = events.filter((e) => e.summary === 'Lapin revontulikurssi');
    expect(laplandEvents).toHaveLength(2);
    // 18:00 in Helsinki in March (UTC+2) is 16:00 UTC.
    expect(laplandEvents[0]!.startDate.toJSDate().toISOString()).toBe('2027-03-02T16:00:00.000Z');
    expect(laplandEvents[0]!.endDate.toJSDate().toISOString()).toBe('2027-03-02T17:30:00.000Z');
    expect(laplandEvents[0]!.location).toBe('Seurantalo');
    expect(await organisationJsonFeed(visitor(), '00000000-0000-4000-8000-000000000000', 'fi', links)).toBeNull();
  });
});
