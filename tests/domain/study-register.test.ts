import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/access/roles';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, portalLinks, registerConsents, studyRegisterEntries, trainingParticipants, trainingResults } from '../../server/db/schema';
import { consentRequest, giveConsentByLink, giveConsentInPortal, withdrawConsent } from '../../server/register/consent';
import { updateRegisterFor } from '../../server/register/entries';
import { ownData, portalOverview } from '../../server/register/overview';
import { checkPortalLink, portalSessionEmail, requestPortalLink, setPortalLanguage, signInWithPortalLink, signOutOfPortal } from '../../server/register/portal';
import { type ResultMark, correctResult, recordResults, trainingResultsList } from '../../server/register/results';
import { formatVerificationCode, newVerificationCode, readVerificationCode } from '../../server/register/verification-code';
import { verifyCertificate } from '../../server/register/verify';
import { recordAttendance } from '../../server/trainings/attendance';
import { addParticipants } from '../../server/trainings/participants';
import { cancelRegistration } from '../../server/trainings/registration';
import { advanceTrainingStatuses } from '../../server/trainings/status';
import { actorByEmail, demoOrgA, demoOrgB, organisationIdByName, unitByName } from '../support/demo';
import { cancelTokenEmailedTo, emailsTo } from '../support/outbox';
import { approvedModelVersion, modelDesign } from '../support/models';
import { type Registrant, type TrainingSetup, dayAfterTheTraining, endedTraining, newestLinkSecret, trainingWithRegistrations } from '../support/register';
import { grant2027Hours, trainingsTestDatabase } from '../support/trainings';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
let orgA: string;
let orgB: string;
let aurora: string;
let coast: string;
/** "Yhdistyksen taloudenhoitaja", 1.1 op. */
let model: string;
/** "Kokoustaito", 1.5 op, with a blank outcome line. */
let secondModel: string;
let trainerActor: Actor;
let adminActor: Actor;

const db = () => handle.db;
const at = (iso: string) => clock.set(new Date(iso), { frozen: true });
const visitor = () => ({ db: handle.db, clock });
const trainer = () => ({ db: handle.db, clock, actor: trainerActor });
const admin = () => ({ db: handle.db, clock, actor: adminActor });

const modelName = 'Yhdistyksen taloudenhoitaja';
const certificateReady = `Todistuksesi on valmis: ${modelName}`;
const consentAsked = `Suostumus opintorekisteriin: ${modelName}`;
/** The demo trainer's training at Revontulten yhdistys (2 and 9 March 2027), by default based on the 1.1 op model. */
const setupA = (name: string, changes: Partial<TrainingSetup> = {}): TrainingSetup => ({ organisationId: orgA, unitId: aurora, trainerEmail: 'kouluttaja1@kll.example', name, modelVersionId: model, ...changes });
const modelTraining = (name: string, people: Registrant[], changes: Partial<TrainingSetup> = {}) => endedTraining(db(), clock, setupA(name, changes), people);

const passed = (participantId: string): ResultMark => ({ participantId, outcome: 'passed', justification: '' });
const failed = (participantId: string, justification = 'Harjoitustyö jäi palauttamatta'): ResultMark => ({ participantId, outcome: 'failed', justification });
const entryOf = async (participantId: string) => (await db().select().from(studyRegisterEntries).where(eq(studyRegisterEntries.participantId, participantId)))[0] ?? null;
const consentOf = async (participantId: string) => (await db().select().from(registerConsents).where(eq(registerConsents.participantId, participantId)))[0] ?? null;
const subjectsTo = async (address: string) => (await emailsTo(db(), address)).map((e) => e.subject);
const consentToken = async (address: string) => {
  const token = await newestLinkSecret(db(), address, 'study-register/consent');
  if (!token) throw new Error(`No consent link emailed to ${address}`);
  return token;
};
const portalToken = async (address: string) => {
  const token = await newestLinkSecret(db(), address, 'portal/sign-in');
  if (!token) throw new Error(`No sign-in link emailed to ${address}`);
  return token;
};
/** The register brought in line with the participation once more, as any later step would. */
const updateAgain = (participantId: string) => db().transaction((tx) => updateRegisterFor({ db: tx, clock }, participantId, links, null));
const auditOf = (action: string, targetId: string) => db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

beforeAll(async () => {
  ({ handle, orgA, aurora } = await trainingsTestDatabase(50_000));
  orgB = await organisationIdByName(handle.db, demoOrgB);
  coast = (await unitByName(handle.db, 'Rannikon kuoroyhdistys')).id;
  await grant2027Hours(handle.db, orgB, 10_000);
  model = await approvedModelVersion(handle.db, orgA, 'paakayttaja@kll.example');
  // 15 h of lectures, 12 h of practice and 13 h of independent work: 40 h, 1.5 op.
  secondModel = await approvedModelVersion(
    handle.db,
    orgA,
    'paakayttaja@kll.example',
    modelDesign({
      name: 'Kokoustaito',
      outcomes: ['Osaa johtaa kokousta', '  ', 'Osaa kirjoittaa pöytäkirjan'],
      activities: [
        { kind: 'lecture', amount: 1000, description: 'Luennot' },
        { kind: 'practice', amount: 600, description: 'Harjoitukset' },
        { kind: 'independent', amount: 1300, description: 'Oma työ' },
      ],
    }),
  );
  trainerActor = await actorByEmail(handle.db, 'kouluttaja1@kll.example');
  adminActor = await actorByEmail(handle.db, 'paakayttaja@kll.example');
});
afterAll(() => handle.close());

describe('registering for a training', () => {
  it('stores consent to the study register only when it is given and the training is based on a model', async () => {
    const withModel = await trainingWithRegistrations(db(), clock, setupA('Suostumus ilmoittautuessa', { capacity: 2 }), [
      { name: 'Suostuva Sanni', email: 'sanni@example.test', registerConsent: true },
      { name: 'Kieltävä Kimmo', email: 'kimmo@example.test', registerConsent: false },
      { name: 'Jonottava Jussi', email: 'jussi@example.test', registerConsent: true },
    ]);
    const plain = await trainingWithRegistrations(db(), clock, setupA('Ilman mallia ilmoittautuessa', { modelVersionId: null }), [{ name: 'Mallittoman Minna', email: 'minna@example.test', registerConsent: true }]);
    expect(await consentOf(await withModel.participantId('sanni@example.test'))).toEqual({
      participantId: await withModel.participantId('sanni@example.test'),
      consentedAt: new Date('2027-01-20T10:00:00Z'),
      requestTokenHash: null,
      requestedAt: null,
    });
    // On the waiting list, the consent is kept for when a place comes.
    expect(await consentOf(await withModel.participantId('jussi@example.test'))).toMatchObject({ consentedAt: new Date('2027-01-20T10:00:00Z') });
    expect(await consentOf(await withModel.participantId('kimmo@example.test'))).toBeNull();
    expect(await consentOf(await plain.participantId('minna@example.test'))).toBeNull();
    expect((await trainingResultsList(db(), withModel.trainingId)).map((r) => [r.name, r.consentedAt])).toEqual([
      ['Kieltävä Kimmo', null],
      ['Suostuva Sanni', new Date('2027-01-20T10:00:00Z')],
    ]);
  });
});

describe('marking results', () => {
  it('opens on the training’s last day by the Helsinki date, and never for a training not based on a model', async () => {
    const withModel = await trainingWithRegistrations(db(), clock, setupA('Viimeisen päivän kurssi'), [{ name: 'Ajoissa Anni', email: 'anni@example.test', registerConsent: true }]);
    const plain = await trainingWithRegistrations(db(), clock, setupA('Mallittomat tulokset', { modelVersionId: null }), [{ name: 'Malliton Matti', email: 'matti@example.test', registerConsent: true }]);
    const anni = await withModel.participantId('anni@example.test');
    // 23:59:59 on 8 March in Helsinki (UTC+2): the day before the last session, though the training is on.
    at('2027-03-08T21:59:59Z');
    await advanceTrainingStatuses(visitor());
    expect(await recordResults(trainer(), withModel.trainingId, [passed(anni)], links)).toEqual({ ok: false, error: 'results.errors.notOpen' });
    expect(await db().select().from(trainingResults).where(eq(trainingResults.participantId, anni))).toEqual([]);
    expect(await entryOf(anni)).toBeNull();
    // Midnight in Helsinki: the last day has come.
    at('2027-03-08T22:00:00Z');
    expect(await recordResults(trainer(), withModel.trainingId, [passed(anni)], links)).toEqual({ ok: true, entered: 1, consentRequested: 0 });
    await dayAfterTheTraining(db(), clock);
    const matti = await plain.participantId('matti@example.test');
    expect(await recordResults(trainer(), plain.trainingId, [passed(matti)], links)).toEqual({ ok: false, error: 'results.errors.notOpen' });
    expect(await db().select().from(trainingResults).where(eq(trainingResults.participantId, matti))).toEqual([]);
    expect(await recordResults(trainer(), randomUUID(), [], links)).toEqual({ ok: false, error: 'notFound' });
  });

  it('refuses a participant of another training, a waiting or a cancelled one, and a second marking', async () => {
    const training = await trainingWithRegistrations(db(), clock, setupA('Rajattu kurssi', { capacity: 1 }), [
      { name: 'Paikalla Paula', email: 'paula@example.test', registerConsent: true },
      { name: 'Jonossa Jaana', email: 'jaana@example.test', registerConsent: true },
      { name: 'Perunut Pentti', email: 'pentti@example.test', registerConsent: true },
    ]);
    expect(await cancelRegistration(visitor(), await cancelTokenEmailedTo(db(), 'pentti@example.test'), links)).toEqual({ ok: true });
    const other = await trainingWithRegistrations(db(), clock, setupA('Naapurikurssi'), [{ name: 'Vieras Veikko', email: 'veikko@example.test', registerConsent: true }]);
    await dayAfterTheTraining(db(), clock);
    const paula = await training.participantId('paula@example.test');
    const strangers = [await training.participantId('jaana@example.test'), await training.participantId('pentti@example.test'), await other.participantId('veikko@example.test'), randomUUID()];
    for (const stranger of strangers) {
      expect(await recordResults(trainer(), training.trainingId, [passed(paula), passed(stranger)], links)).toEqual({ ok: false, error: 'results.errors.unknownParticipant' });
    }
    // The same person twice, or a failure without a reason: the whole list is refused.
    expect(await recordResults(trainer(), training.trainingId, [passed(paula), failed(paula)], links)).toEqual({ ok: false, error: 'results.errors.unknownParticipant' });
    expect(await recordResults(trainer(), training.trainingId, [{ participantId: paula, outcome: 'failed', justification: '  ' }], links)).toEqual({ ok: false, error: 'results.errors.justificationRequired' });
    // Nothing of a refused list was kept, nor entered.
    expect((await trainingResultsList(db(), training.trainingId)).map((r) => [r.name, r.outcome])).toEqual([['Paikalla Paula', null]]);
    expect(await entryOf(paula)).toBeNull();
    expect(await recordResults(trainer(), training.trainingId, [passed(paula)], links)).toEqual({ ok: true, entered: 1, consentRequested: 0 });
    expect(await recordResults(trainer(), training.trainingId, [failed(paula)], links)).toEqual({ ok: false, error: 'results.errors.alreadyMarked' });
    expect((await trainingResultsList(db(), training.trainingId))[0]).toMatchObject({ outcome: 'passed', markedByName: trainerActor.name, correctedAt: null });
    expect(await db().select().from(studyRegisterEntries).where(eq(studyRegisterEntries.trainingId, other.trainingId))).toEqual([]);
  });

  it('never enters a failure in the register, nor asks consent for it', async () => {
    const training = await modelTraining('Hylkäyskurssi', [
      { name: 'Hylätty Hanna', email: 'hanna@example.test', registerConsent: true },
      { name: 'Ilman Ilkka', email: 'ilkka@example.test' },
    ]);
    const hanna = await training.participantId('hanna@example.test');
    const ilkka = await training.participantId('ilkka@example.test');
    const before = [...(await subjectsTo('hanna@example.test')), ...(await subjectsTo('ilkka@example.test'))];
    expect(await recordResults(trainer(), training.trainingId, [failed(hanna, '  Harjoitustyö jäi palauttamatta  '), failed(ilkka)], links)).toEqual({ ok: true, entered: 0, consentRequested: 0 });
    expect(await entryOf(hanna)).toBeNull();
    expect(await entryOf(ilkka)).toBeNull();
    expect(await updateAgain(hanna)).toBe('none');
    expect(await entryOf(hanna)).toBeNull();
    expect([...(await subjectsTo('hanna@example.test')), ...(await subjectsTo('ilkka@example.test'))]).toEqual(before);
    expect((await trainingResultsList(db(), training.trainingId)).map((r) => [r.name, r.outcome, r.justification])).toEqual([
      ['Hylätty Hanna', 'failed', 'Harjoitustyö jäi palauttamatta'],
      ['Ilman Ilkka', 'failed', 'Harjoitustyö jäi palauttamatta'],
    ]);
    expect(await auditOf('result.recorded', training.trainingId)).toMatchObject([{ actorUserId: trainerActor.userId, organisationId: orgA, details: { passed: 0, failed: 2 } }]);
  });

  it('enters a pass with consent, with what the certificate prints, and tells the person their certificate is ready', async () => {
    const training = await modelTraining('Rekisterikurssi', [{ name: 'Rekisteröity Riikka', email: 'Riikka.Rekisteri@Example.test', registerConsent: true }]);
    const riikka = await training.participantId('riikka.rekisteri@example.test');
    expect(await recordResults(trainer(), training.trainingId, [passed(riikka)], links)).toEqual({ ok: true, entered: 1, consentRequested: 0 });
    const entry = (await entryOf(riikka))!;
    expect(entry).toMatchObject({
      trainingId: training.trainingId,
      organisationId: orgA,
      modelVersionId: model,
      personName: 'Rekisteröity Riikka',
      personEmail: 'riikka.rekisteri@example.test',
      organisationName: demoOrgA,
      modelName,
      creditTenths: 11,
      outcomes: ['Osaa laatia talousarvion', 'Osaa pitää kirjanpitoa'],
      firstDay: '2027-03-02',
      completedOn: '2027-03-09',
      place: 'Seurantalo',
      createdAt: new Date('2027-03-10T08:00:00Z'),
    });
    expect(entry.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(readVerificationCode(entry.verificationCode)).toEqual({ ok: true, code: entry.verificationCode });
    const [told] = await emailsTo(db(), 'Riikka.Rekisteri@Example.test');
    expect(told!.subject).toBe(certificateReady);
    expect(told!.bodyText).toContain('Hei Rekisteröity Riikka');
    expect(told!.bodyText).toContain(`${modelName} (2.3.2027–9.3.2027, 1,1 op, järjestäjä ${demoOrgA})`);
    expect(told!.bodyText).toContain('http://sivis.test/portal');
    expect(await auditOf('studyRegister.entered', entry.id)).toMatchObject([{ actorUserId: trainerActor.userId, organisationId: orgA, details: { participantId: riikka, trainingId: training.trainingId } }]);
    // Once: brought in line again, nothing more is entered or sent.
    const sent = (await emailsTo(db(), 'Riikka.Rekisteri@Example.test')).length;
    expect(await updateAgain(riikka)).toBe('none');
    expect(await db().select().from(studyRegisterEntries).where(eq(studyRegisterEntries.participantId, riikka))).toHaveLength(1);
    expect(await emailsTo(db(), 'Riikka.Rekisteri@Example.test')).toHaveLength(sent);
  });

  it('enters the model’s outcomes without blank lines, and the first place the sessions name', async () => {
    const training = await modelTraining('Verkossa alkava kurssi', [{ name: 'Paikka Pauliina', email: 'pauliina@example.test', registerConsent: true }], {
      modelVersionId: secondModel,
      plan: {
        mode: 'hybrid',
        sessions: [
          { date: '2027-03-02', start: '18:00', end: '19:30', breakMinutes: 0, place: '', onlineLink: 'https://meet.example.test/kokous' },
          { date: '2027-03-09', start: '18:00', end: '19:45', breakMinutes: 15, place: 'Kansalaisopisto', onlineLink: '' },
        ],
      },
    });
    const pauliina = await training.participantId('pauliina@example.test');
    expect(await recordResults(trainer(), training.trainingId, [passed(pauliina)], links)).toMatchObject({ ok: true, entered: 1 });
    expect(await entryOf(pauliina)).toMatchObject({ modelName: 'Kokoustaito', creditTenths: 15, outcomes: ['Osaa johtaa kokousta', 'Osaa kirjoittaa pöytäkirjan'], place: 'Kansalaisopisto' });
    expect((await emailsTo(db(), 'pauliina@example.test'))[0]!.bodyText).toContain('1,5 op');
  });

  it('asks a pass without consent for it by email, once, entering nothing; someone without an email address gets neither', async () => {
    const training = await trainingWithRegistrations(db(), clock, setupA('Suostumuskurssi'), [{ name: 'Kysytty Kalle', email: 'kalle@example.test' }]);
    const entered = (name: string, email: string) => ({ name, email, birthYear: 1975, municipality: 'Kemi', gender: null, firstTimeThisYear: false });
    expect(await addParticipants(trainer(), training.trainingId, [entered('Sähkötön Seppo', ''), entered('Lisätty Liisa', 'liisa@example.test')])).toEqual({ ok: true, added: 2 });
    await dayAfterTheTraining(db(), clock);
    const kalle = await training.participantId('kalle@example.test');
    const liisa = await training.participantId('liisa@example.test');
    const seppo = (await trainingResultsList(db(), training.trainingId)).find((r) => r.name === 'Sähkötön Seppo')!.participantId;
    expect(await recordResults(trainer(), training.trainingId, [passed(kalle), passed(liisa), passed(seppo)], links)).toEqual({ ok: true, entered: 0, consentRequested: 2 });
    for (const id of [kalle, liisa, seppo]) expect(await entryOf(id)).toBeNull();
    const [asked] = await emailsTo(db(), 'kalle@example.test');
    expect(asked!.subject).toBe(consentAsked);
    expect(asked!.bodyText).toContain(`${modelName} (2.3.2027–9.3.2027, 1,1 op), jonka järjesti ${demoOrgA}`);
    const token = await consentToken('kalle@example.test');
    expect(asked!.bodyText).toContain(`http://sivis.test/study-register/consent/${token}`);
    expect((await emailsTo(db(), 'liisa@example.test'))[0]!.subject).toBe(consentAsked);
    expect((await trainingResultsList(db(), training.trainingId)).map((r) => [r.name, r.consentedAt, r.consentRequestedAt])).toEqual([
      ['Kysytty Kalle', null, new Date('2027-03-10T08:00:00Z')],
      ['Lisätty Liisa', null, new Date('2027-03-10T08:00:00Z')],
      ['Sähkötön Seppo', null, null],
    ]);
    // Asked once: brought in line again (a day later), no second email, and the first link still works.
    at('2027-03-11T08:00:00Z');
    const sent = (await emailsTo(db(), 'kalle@example.test')).length;
    expect(await updateAgain(kalle)).toBe('none');
    expect(await emailsTo(db(), 'kalle@example.test')).toHaveLength(sent);
    expect(await consentRequest(db(), token)).toMatchObject({ participantId: kalle, consentedAt: null });
    // No address: nothing to ask with, nothing entered, nothing queued.
    expect(await updateAgain(seppo)).toBe('none');
    expect(await consentOf(seppo)).toBeNull();
    expect(await emailsTo(db(), '')).toEqual([]);
  });
});

describe('consent by the emailed link', () => {
  it('shows the passed training, enters it when given, and answers a second use and an unknown link', async () => {
    const training = await modelTraining('Linkkikurssi', [{ name: 'Linkki Leena', email: 'leena@example.test' }]);
    const leena = await training.participantId('leena@example.test');
    expect(await recordResults(trainer(), training.trainingId, [passed(leena)], links)).toEqual({ ok: true, entered: 0, consentRequested: 1 });
    const token = await consentToken('leena@example.test');
    expect(await consentRequest(db(), token)).toEqual({
      participantId: leena,
      consentedAt: null,
      name: 'Linkki Leena',
      training: 'Linkkikurssi',
      organisation: demoOrgA,
      model: modelName,
      creditTenths: 11,
      startsOn: '2027-03-02',
      endsOn: '2027-03-09',
      outcome: 'passed',
    });
    at('2027-03-12T10:00:00Z');
    expect(await giveConsentByLink(visitor(), token, links)).toBe('entered');
    expect(await entryOf(leena)).toMatchObject({ personName: 'Linkki Leena', personEmail: 'leena@example.test', modelName, creditTenths: 11, createdAt: new Date('2027-03-12T10:00:00Z') });
    expect((await subjectsTo('leena@example.test'))[0]).toBe(certificateReady);
    expect(await auditOf('studyRegister.consentGiven', leena)).toMatchObject([{ actorUserId: null, details: { by: 'link' } }]);
    // The page now tells it is given; using the link again changes nothing.
    expect(await consentRequest(db(), token)).toMatchObject({ consentedAt: new Date('2027-03-12T10:00:00Z') });
    const sent = (await emailsTo(db(), 'leena@example.test')).length;
    expect(await giveConsentByLink(visitor(), token, links)).toBe('alreadyGiven');
    expect(await db().select().from(studyRegisterEntries).where(eq(studyRegisterEntries.participantId, leena))).toHaveLength(1);
    expect(await emailsTo(db(), 'leena@example.test')).toHaveLength(sent);
    const unknown = 'A'.repeat(43);
    expect(await consentRequest(db(), unknown)).toBeNull();
    expect(await giveConsentByLink(visitor(), unknown, links)).toBe('notFound');
  });
});

describe('correcting a result', () => {
  it('works for 30 days: a pass made a failure leaves the register (its code answers withdrawn), a failure made a pass enters', async () => {
    const training = await modelTraining('Korjauskurssi', [
      { name: 'Korjattu Kaisa', email: 'kaisa@example.test', registerConsent: true },
      { name: 'Noussut Niilo', email: 'niilo@example.test', registerConsent: true },
      { name: 'Kysytty Kerttu', email: 'kerttu@example.test' },
    ]);
    const [kaisa, niilo, kerttu] = [await training.participantId('kaisa@example.test'), await training.participantId('niilo@example.test'), await training.participantId('kerttu@example.test')];
    expect(await recordResults(trainer(), training.trainingId, [passed(kaisa), failed(niilo), passed(kerttu)], links)).toEqual({ ok: true, entered: 1, consentRequested: 1 });
    const entry = (await entryOf(kaisa))!;
    expect(await verifyCertificate(visitor(), entry.verificationCode)).toMatchObject({ status: 'genuine' });
    const kerttuLink = await consentToken('kerttu@example.test');

    // The 30th day after the marking (10.3., in winter time), Helsinki summer time.
    at('2027-04-09T07:59:00Z');
    expect(await correctResult(admin(), training.trainingId, { ...failed(kaisa, 'Harjoitustyö oli kopioitu'), reason: '  Kopiointi havaittiin  ' }, links)).toEqual({ ok: true, entered: 0, consentRequested: 0 });
    expect(await entryOf(kaisa)).toBeNull();
    expect(await verifyCertificate(visitor(), entry.verificationCode)).toEqual({ status: 'withdrawn', code: entry.verificationCode, withdrawnAt: new Date('2027-04-09T07:59:00Z') });
    expect(await verifyCertificate(visitor(), formatVerificationCode(entry.verificationCode).toLowerCase())).toMatchObject({ status: 'withdrawn' });
    expect(await auditOf('studyRegister.withdrawn', entry.id)).toMatchObject([{ actorUserId: adminActor.userId, details: { participantId: kaisa } }]);

    expect(await correctResult(admin(), training.trainingId, { ...passed(niilo), reason: 'Arviointivirhe' }, links)).toEqual({ ok: true, entered: 1, consentRequested: 0 });
    expect(await entryOf(niilo)).toMatchObject({ personName: 'Noussut Niilo', modelName });
    expect((await subjectsTo('niilo@example.test'))[0]).toBe(certificateReady);

    // A consent link of a pass since corrected to a failure gives and enters nothing (the page says it is not passed).
    expect(await correctResult(admin(), training.trainingId, { ...failed(kerttu), reason: 'Väärä henkilö merkitty' }, links)).toMatchObject({ ok: true });
    expect(await consentRequest(db(), kerttuLink)).toMatchObject({ outcome: 'failed', consentedAt: null });
    expect(await giveConsentByLink(visitor(), kerttuLink, links)).toBe('notPassed');
    expect(await entryOf(kerttu)).toBeNull();
    expect(await consentOf(kerttu)).toMatchObject({ consentedAt: null });
    // Passed again: not asked a second time, and the first link now enters it.
    const sentToKerttu = (await emailsTo(db(), 'kerttu@example.test')).length;
    expect(await correctResult(admin(), training.trainingId, { ...passed(kerttu), reason: 'Korjaus peruttu' }, links)).toEqual({ ok: true, entered: 0, consentRequested: 0 });
    expect(await emailsTo(db(), 'kerttu@example.test')).toHaveLength(sentToKerttu);
    expect(await giveConsentByLink(visitor(), kerttuLink, links)).toBe('entered');
    expect(await entryOf(kerttu)).toMatchObject({ personName: 'Kysytty Kerttu' });
    expect(await correctResult(admin(), training.trainingId, { ...failed(kerttu), reason: 'Väärä henkilö sittenkin' }, links)).toMatchObject({ ok: true });
    expect(await entryOf(kerttu)).toBeNull();

    expect((await trainingResultsList(db(), training.trainingId)).map((r) => [r.name, r.outcome, r.justification, r.correctedAt])).toEqual([
      ['Korjattu Kaisa', 'failed', 'Harjoitustyö oli kopioitu', new Date('2027-04-09T07:59:00Z')],
      ['Kysytty Kerttu', 'failed', 'Harjoitustyö jäi palauttamatta', new Date('2027-04-09T07:59:00Z')],
      ['Noussut Niilo', 'passed', '', new Date('2027-04-09T07:59:00Z')],
    ]);
    expect(await auditOf('result.corrected', kaisa)).toMatchObject([
      { actorUserId: adminActor.userId, organisationId: orgA, details: { trainingId: training.trainingId, from: 'passed', to: 'failed', reason: 'Kopiointi havaittiin' } },
    ]);
    expect(await auditOf('result.corrected', niilo)).toMatchObject([{ details: { from: 'failed', to: 'passed', reason: 'Arviointivirhe' } }]);
  });

  it('is closed from the 31st day after the marking (Helsinki), and needs a result to correct', async () => {
    const training = await modelTraining('Myöhäinen korjaus', [
      { name: 'Myöhään Mikko', email: 'mikko@example.test', registerConsent: true },
      { name: 'Merkitsemätön Mirja', email: 'mirja@example.test', registerConsent: true },
    ]);
    const mikko = await training.participantId('mikko@example.test');
    const mirja = await training.participantId('mirja@example.test');
    expect(await recordResults(trainer(), training.trainingId, [passed(mikko)], links)).toMatchObject({ ok: true, entered: 1 });
    // Midnight starting 10.4. in Helsinki.
    at('2027-04-09T21:00:00Z');
    expect(await correctResult(admin(), training.trainingId, { ...failed(mikko), reason: 'Liian myöhään' }, links)).toEqual({ ok: false, error: 'results.errors.correctionClosed' });
    at('2027-06-01T08:00:00Z');
    expect(await correctResult(admin(), training.trainingId, { ...failed(mikko), reason: 'Liian myöhään' }, links)).toEqual({ ok: false, error: 'results.errors.correctionClosed' });
    expect(await entryOf(mikko)).not.toBeNull();
    expect((await trainingResultsList(db(), training.trainingId)).find((r) => r.participantId === mikko)).toMatchObject({ outcome: 'passed', correctedAt: null });
    expect(await auditOf('result.corrected', mikko)).toEqual([]);
    expect(await correctResult(admin(), training.trainingId, { ...passed(mirja), reason: 'Unohtui' }, links)).toEqual({ ok: false, error: 'results.errors.notMarked' });
    expect(await entryOf(mirja)).toBeNull();
  });
});

describe('verifying a certificate', () => {
  let code: string;
  beforeAll(async () => {
    const training = await modelTraining('Todistuskurssi', [{ name: 'Todistettu Tuomas', email: 'tuomas@example.test', registerConsent: true }]);
    const tuomas = await training.participantId('tuomas@example.test');
    await recordResults(trainer(), training.trainingId, [passed(tuomas)], links);
    // The certificate's code as if drawn with a 0 and a 1 in it, the characters people type as letters.
    do code = newVerificationCode();
    while (!code.includes('0') || !code.includes('1'));
    await db().update(studyRegisterEntries).set({ verificationCode: code }).where(eq(studyRegisterEntries.participantId, tuomas));
  });

  it('answers genuine however the code is typed, with only what the certificate prints', async () => {
    const printed = formatVerificationCode(code);
    expect(printed).toMatch(/^.{4}-.{4}-.{4}-.{4}$/);
    const typings = [code, printed, code.toLowerCase(), ` ${printed.toLowerCase().replace(/-/g, ' ')} `, printed.replace(/-/g, ' - '), code.replace(/0/g, 'O'), code.replace(/0/g, 'o'), code.replace(/1/g, 'I'), code.replace(/1/g, 'l')];
    for (const typed of typings) {
      expect(await verifyCertificate(visitor(), typed)).toEqual({
        status: 'genuine',
        certificate: {
          personName: 'Todistettu Tuomas',
          modelName,
          creditTenths: 11,
          outcomes: ['Osaa laatia talousarvion', 'Osaa pitää kirjanpitoa'],
          firstDay: '2027-03-02',
          completedOn: '2027-03-09',
          place: 'Seurantalo',
          organisationName: demoOrgA,
          code,
        },
      });
    }
  });

  it('answers mistyped for any one character changed, at every position', async () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const alter = (i: number, c: string) => code.slice(0, i) + c + code.slice(i + 1);
    for (let i = 0; i < code.length; i++) {
      for (const c of alphabet) if (c !== code[i]) expect(readVerificationCode(alter(i, c)), `${c} at ${i}`).toEqual({ ok: false, reason: 'mistyped' });
      const next = alphabet[(alphabet.indexOf(code[i]!) + 1) % alphabet.length]!;
      expect(await verifyCertificate(visitor(), alter(i, next))).toEqual({ status: 'mistyped', code: alter(i, next) });
    }
  });

  it('answers unknown for a well-formed code not in the register, and format for anything else', async () => {
    let stranger: string;
    do stranger = newVerificationCode();
    while (stranger === code);
    expect(await verifyCertificate(visitor(), stranger)).toEqual({ status: 'unknown', code: stranger });
    expect(await verifyCertificate(visitor(), formatVerificationCode(stranger).toLowerCase())).toEqual({ status: 'unknown', code: stranger });
    for (const garbage of ['', '   ', 'ABC', code.slice(1), `${code}0`, `${code.slice(0, 15)}U`, `${code.slice(0, 15)}*`, 'K7QF-3MZP-X2TA-9BH!', ' <script> ']) {
      expect(await verifyCertificate(visitor(), garbage)).toEqual({ status: 'format', code: garbage.trim() });
    }
  });

  it('draws codes that do not repeat over 10 000 draws, each reading back as drawn', () => {
    const codes = Array.from({ length: 10_000 }, () => newVerificationCode());
    expect(new Set(codes).size).toBe(10_000);
    for (const drawn of codes) {
      expect(drawn).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      expect(readVerificationCode(drawn)).toEqual({ ok: true, code: drawn });
    }
  });
});

describe('signing in to the portal', () => {
  const pirjo = 'pirjo.portaali@example.test';
  beforeAll(async () => {
    await trainingWithRegistrations(db(), clock, setupA('Portaalikurssi', { modelVersionId: null }), [{ name: 'Portaali Pirjo', email: 'Pirjo.Portaali@Example.test' }]);
  });

  it('emails a link only to an address it knows, and only the newest link works', async () => {
    at('2027-04-01T09:00:00Z');
    await expect(requestPortalLink(visitor(), 'tuntematon@example.test', 'fi', links)).resolves.toBeUndefined();
    expect(await emailsTo(db(), 'tuntematon@example.test')).toEqual([]);
    expect(await db().select().from(portalLinks).where(eq(portalLinks.email, 'tuntematon@example.test'))).toEqual([]);
    // Typed in another case, with spaces: the address on the training.
    await requestPortalLink(visitor(), '  PIRJO.Portaali@example.TEST ', 'fi', links);
    const [mail] = await emailsTo(db(), pirjo);
    expect(mail!.subject).toBe('Kirjautumislinkki osallistujan sivuille');
    const first = await portalToken(pirjo);
    expect(mail!.bodyText).toContain(`http://sivis.test/portal/sign-in/${first}`);
    expect(await checkPortalLink(visitor(), first)).toEqual({ ok: true, email: pirjo });
    at('2027-04-01T09:01:00Z');
    await requestPortalLink(visitor(), pirjo, 'fi', links);
    const second = await portalToken(pirjo);
    expect(second).not.toBe(first);
    expect(await checkPortalLink(visitor(), first)).toEqual({ ok: false, reason: 'used' });
    expect(await signInWithPortalLink(visitor(), first)).toEqual({ ok: false, reason: 'used' });
    expect(await checkPortalLink(visitor(), second)).toEqual({ ok: true, email: pirjo });
    expect(await checkPortalLink(visitor(), 'A'.repeat(43))).toEqual({ ok: false, reason: 'invalid' });
    expect(await signInWithPortalLink(visitor(), 'A'.repeat(43))).toEqual({ ok: false, reason: 'invalid' });
    // At most five links an hour to one address, whoever asks: the sixth request sends nothing and keeps the fifth link working.
    for (let i = 0; i < 3; i++) await requestPortalLink(visitor(), pirjo, 'fi', links);
    const fifth = await portalToken(pirjo);
    await requestPortalLink(visitor(), pirjo, 'fi', links);
    expect(await emailsTo(db(), pirjo)).toHaveLength(5);
    expect(await checkPortalLink(visitor(), fifth)).toEqual({ ok: true, email: pirjo });
  });

  it('keeps the language the person chooses for their emails and trainings', async () => {
    await setPortalLanguage(visitor(), pirjo, 'sv');
    const data = await ownData(visitor(), pirjo);
    expect(data.profile).toEqual({ language: 'sv', registerConsentWithdrawnAt: null });
    expect(data.trainings.map((t) => t.language)).toEqual(['sv']);
    await setPortalLanguage(visitor(), pirjo, 'fi');
    expect((await ownData(visitor(), pirjo)).profile).toMatchObject({ language: 'fi' });
  });

  it('lets a link expire after 15 minutes', async () => {
    at('2027-04-02T09:00:00Z');
    await requestPortalLink(visitor(), pirjo, 'fi', links);
    const token = await portalToken(pirjo);
    at('2027-04-02T09:14:59.999Z');
    expect(await checkPortalLink(visitor(), token)).toEqual({ ok: true, email: pirjo });
    at('2027-04-02T09:15:00Z');
    expect(await checkPortalLink(visitor(), token)).toEqual({ ok: false, reason: 'expired' });
    expect(await signInWithPortalLink(visitor(), token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('signs in once per link (one of two simultaneous uses), for 8 hours or until signed out', async () => {
    at('2027-04-03T09:00:00Z');
    await requestPortalLink(visitor(), pirjo, 'fi', links);
    const token = await portalToken(pirjo);
    const both = await Promise.all([signInWithPortalLink(visitor(), token), signInWithPortalLink(visitor(), token)]);
    const signedIn = both.filter((r) => r.ok);
    expect(signedIn).toHaveLength(1);
    expect(both.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }]);
    const session = signedIn[0] as { ok: true; sessionToken: string; email: string };
    expect(session.email).toBe(pirjo);
    expect(await signInWithPortalLink(visitor(), token)).toEqual({ ok: false, reason: 'used' });
    expect(await portalSessionEmail(visitor(), session.sessionToken)).toBe(pirjo);
    expect(await portalSessionEmail(visitor(), 'A'.repeat(43))).toBeNull();
    at('2027-04-03T16:59:59.999Z');
    expect(await portalSessionEmail(visitor(), session.sessionToken)).toBe(pirjo);
    at('2027-04-03T17:00:00Z');
    expect(await portalSessionEmail(visitor(), session.sessionToken)).toBeNull();

    at('2027-04-04T09:00:00Z');
    await requestPortalLink(visitor(), pirjo, 'fi', links);
    const again = await signInWithPortalLink(visitor(), await portalToken(pirjo));
    if (!again.ok) throw new Error(again.reason);
    expect(await portalSessionEmail(visitor(), again.sessionToken)).toBe(pirjo);
    await signOutOfPortal(visitor(), again.sessionToken);
    expect(await portalSessionEmail(visitor(), again.sessionToken)).toBeNull();
  });
});

describe('the portal’s overview and own data', () => {
  const olli = 'olli.oma@example.test';
  const maija = 'maija.muu@example.test';
  let first: { trainingId: string; olli: string; maija: string };
  beforeAll(async () => {
    const a = await trainingWithRegistrations(db(), clock, setupA('Ollin ensimmäinen'), [
      { name: 'Oma Olli', email: 'Olli.Oma@Example.test', registerConsent: true },
      { name: 'Muu Maija', email: maija, registerConsent: true },
    ]);
    const b = await trainingWithRegistrations(db(), clock, setupA('Ollin toinen', { modelVersionId: secondModel }), [{ name: 'Oma Olli', email: olli, registerConsent: true }]);
    await trainingWithRegistrations(db(), clock, { organisationId: orgB, unitId: coast, trainerEmail: 'kouluttaja1@kyk.example', name: 'Kuoron kevätkurssi', modelVersionId: null }, [
      { name: 'Olli Oma', email: 'OLLI.OMA@EXAMPLE.TEST' },
    ]);
    await dayAfterTheTraining(db(), clock);
    first = { trainingId: a.trainingId, olli: await a.participantId(olli), maija: await a.participantId(maija) };
    expect(await recordAttendance(trainer(), a.trainingId, { date: '2027-03-02', start: '18:00' }, [first.olli, first.maija])).toEqual({ ok: true });
    expect(await recordResults(trainer(), a.trainingId, [passed(first.olli), passed(first.maija)], links)).toMatchObject({ ok: true, entered: 2 });
    expect(await recordResults(trainer(), b.trainingId, [passed(await b.participantId(olli))], links)).toMatchObject({ ok: true, entered: 1 });
  });

  it('shows the person’s trainings in every organisation, whatever the case of the address, with their entries and credits', async () => {
    const overview = await portalOverview(visitor(), olli);
    expect(overview.participations.map((p) => [p.training, p.organisation, p.status, p.basedOnModel, p.outcome, p.consentedAt !== null, p.entryId !== null])).toEqual([
      ['Kuoron kevätkurssi', demoOrgB, 'registered', false, null, false, false],
      ['Ollin ensimmäinen', demoOrgA, 'registered', true, 'passed', true, true],
      ['Ollin toinen', demoOrgA, 'registered', true, 'passed', true, true],
    ]);
    expect(overview.entries.map((e) => [e.modelName, e.personName, e.creditTenths])).toEqual([
      ['Kokoustaito', 'Oma Olli', 15],
      [modelName, 'Oma Olli', 11],
    ]);
    expect(overview.creditTenths).toBe(26);
    expect(overview.consentWithdrawnAt).toBeNull();
    expect(JSON.stringify(overview)).not.toMatch(/Maija|maija/);
    const others = await portalOverview(visitor(), maija);
    expect(others.participations.map((p) => p.training)).toEqual(['Ollin ensimmäinen']);
    expect(others.entries.map((e) => e.personName)).toEqual(['Muu Maija']);
    expect(others.creditTenths).toBe(11);
    expect(await portalOverview(visitor(), 'ei.ketaan@example.test')).toMatchObject({ participations: [], entries: [], creditTenths: 0 });
  });

  it('gives the person all their own data: registrations, results, consents, attendance and entries, and nothing of anyone else', async () => {
    at('2027-03-15T12:00:00Z');
    const data = await ownData(visitor(), olli);
    expect(data).toMatchObject({ email: olli, exportedAt: '2027-03-15T12:00:00.000Z', profile: null });
    expect(data.trainings.map((t) => t.training).sort()).toEqual(['Kuoron kevätkurssi', 'Ollin ensimmäinen', 'Ollin toinen']);
    expect(data.trainings.find((t) => t.training === 'Ollin ensimmäinen')).toEqual({
      training: 'Ollin ensimmäinen',
      organisation: demoOrgA,
      startsOn: '2027-03-02',
      endsOn: '2027-03-09',
      name: 'Oma Olli',
      email: 'Olli.Oma@Example.test',
      birthYear: 1980,
      municipality: 'Oulu',
      gender: null,
      firstTimeThisYear: false,
      status: 'registered',
      source: 'registration',
      language: 'fi',
      privacyConsentAt: new Date('2027-01-20T10:00:00Z'),
      registeredAt: new Date('2027-01-20T10:00:00Z'),
      cancelledAt: null,
      result: 'passed',
      resultJustification: '',
      resultMarkedAt: new Date('2027-03-10T08:00:00Z'),
      registerConsentAt: new Date('2027-01-20T10:00:00Z'),
      attendedSessions: [{ date: '2027-03-02', start: expect.stringMatching(/^18:00/) }],
    });
    expect(data.trainings.find((t) => t.training === 'Kuoron kevätkurssi')).toMatchObject({ organisation: demoOrgB, name: 'Olli Oma', result: null, registerConsentAt: null, attendedSessions: [] });
    const byModel = [...data.studyRegister].sort((x, y) => x.modelName.localeCompare(y.modelName));
    expect(byModel.map((e) => [e.modelName, e.personName, e.personEmail, e.creditTenths, e.completedOn])).toEqual([
      ['Kokoustaito', 'Oma Olli', olli, 15, '2027-03-09'],
      [modelName, 'Oma Olli', olli, 11, '2027-03-09'],
    ]);
    for (const link of ['participantId', 'trainingId', 'organisationId', 'modelVersionId']) expect(byModel[0]).not.toHaveProperty(link);
    const ownCode = (await entryOf(first.olli))!.verificationCode;
    expect(data.studyRegister.map((e) => e.verificationCode)).toContain(ownCode);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/Maija|maija/);
    expect(text).not.toContain((await entryOf(first.maija))!.verificationCode);
    expect(text).not.toContain(first.maija);
  });
});

describe('withdrawing consent', () => {
  it('keeps the entries made, enters nothing more without consent, and consent is given again in the portal for one’s own participation only', async () => {
    const pekka = 'pekka@example.test';
    const old = await trainingWithRegistrations(db(), clock, setupA('Pekan vanha kurssi'), [{ name: 'Peruva Pekka', email: pekka, registerConsent: true }]);
    const asked = await trainingWithRegistrations(db(), clock, setupA('Pekan kysytty kurssi'), [{ name: 'Peruva Pekka', email: pekka }]);
    const coming = await trainingWithRegistrations(db(), clock, setupA('Pekan tuleva kurssi'), [
      { name: 'Peruva Pekka', email: pekka, registerConsent: true },
      { name: 'Toinen Tiina', email: 'tiina@example.test' },
    ]);
    await dayAfterTheTraining(db(), clock);
    const [oldId, askedId, comingId, tiina] = [await old.participantId(pekka), await asked.participantId(pekka), await coming.participantId(pekka), await coming.participantId('tiina@example.test')];
    expect(await recordResults(trainer(), old.trainingId, [passed(oldId)], links)).toMatchObject({ ok: true, entered: 1 });
    expect(await recordResults(trainer(), asked.trainingId, [passed(askedId)], links)).toMatchObject({ ok: true, consentRequested: 1 });
    const askedLink = await consentToken(pekka);
    const code = (await entryOf(oldId))!.verificationCode;

    at('2027-03-11T09:00:00Z');
    await withdrawConsent(visitor(), pekka);
    expect((await portalOverview(visitor(), pekka)).consentWithdrawnAt).toEqual(new Date('2027-03-11T09:00:00Z'));
    expect((await ownData(visitor(), pekka)).profile).toEqual({ language: 'fi', registerConsentWithdrawnAt: new Date('2027-03-11T09:00:00Z') });
    // What was entered stays, and its certificate stays verifiable.
    expect(await entryOf(oldId)).not.toBeNull();
    expect(await verifyCertificate(visitor(), code)).toMatchObject({ status: 'genuine', certificate: { personName: 'Peruva Pekka' } });
    // The consent given at registration and the link that asked for it no longer enter anything.
    expect(await giveConsentByLink(visitor(), askedLink, links)).toBe('notFound');
    expect(await entryOf(askedId)).toBeNull();
    at('2027-03-12T09:00:00Z');
    // Pekka, who withdrew, is not asked again; Tiina, who never consented, is.
    expect(await recordResults(trainer(), coming.trainingId, [passed(comingId), passed(tiina)], links)).toMatchObject({ ok: true, entered: 0, consentRequested: 1 });
    expect(await entryOf(comingId)).toBeNull();
    expect(await entryOf(tiina)).toBeNull();
    expect((await portalOverview(visitor(), pekka)).creditTenths).toBe(11);

    // Given again in the portal, for one participation: entered at once.
    at('2027-03-13T09:00:00Z');
    expect(await giveConsentInPortal(visitor(), pekka, comingId, links)).toBe(true);
    expect(await entryOf(comingId)).toMatchObject({ personName: 'Peruva Pekka', createdAt: new Date('2027-03-13T09:00:00Z') });
    expect((await subjectsTo(pekka))[0]).toBe(certificateReady);
    expect(await auditOf('studyRegister.consentGiven', comingId)).toMatchObject([{ details: { by: 'portal' } }]);
    expect(await entryOf(askedId)).toBeNull();
    expect((await portalOverview(visitor(), pekka)).creditTenths).toBe(22);
    // Someone else's participation: refused, and nothing of theirs changes.
    expect(await giveConsentInPortal(visitor(), pekka, tiina, links)).toBe(false);
    expect(await giveConsentInPortal(visitor(), pekka, randomUUID(), links)).toBe(false);
    expect(await entryOf(tiina)).toBeNull();
    expect((await consentOf(tiina))?.consentedAt ?? null).toBeNull();
  });
});

describe('an entry of an old training', () => {
  it('outlives the participation’s personal data: the certificate verifies and the person still signs in to see it', async () => {
    const vanha = 'vilma.vanha@example.test';
    const training = await modelTraining('Vanha kurssi', [{ name: 'Vanha Vilma', email: vanha, registerConsent: true }]);
    const vilma = await training.participantId(vanha);
    await recordResults(trainer(), training.trainingId, [passed(vilma)], links);
    const entry = (await entryOf(vilma))!;
    // Removed with the old training's personal data.
    await db().delete(trainingParticipants).where(eq(trainingParticipants.id, vilma));
    expect((await db().select().from(studyRegisterEntries).where(eq(studyRegisterEntries.id, entry.id)))[0]).toMatchObject({ participantId: null, personName: 'Vanha Vilma', verificationCode: entry.verificationCode });
    expect(await verifyCertificate(visitor(), entry.verificationCode)).toMatchObject({ status: 'genuine', certificate: { personName: 'Vanha Vilma', modelName } });
    at('2028-01-10T09:00:00Z');
    await requestPortalLink(visitor(), vanha, 'fi', links);
    const signedIn = await signInWithPortalLink(visitor(), await portalToken(vanha));
    expect(signedIn).toMatchObject({ ok: true, email: vanha });
    const overview = await portalOverview(visitor(), vanha);
    expect(overview).toMatchObject({ participations: [], creditTenths: 11 });
    expect(overview.entries.map((e) => e.verificationCode)).toEqual([entry.verificationCode]);
    expect((await ownData(visitor(), vanha)).studyRegister.map((e) => e.modelName)).toEqual([modelName]);
  });
});
