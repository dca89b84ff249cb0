/**
 * Every form of the app, for the bad-input test. A new form adds one entry: its route, who
 * submits it, a valid submission (which the test also sends, last), and each field's limits.
 */
import { eq } from 'drizzle-orm';
import { registerTrainer } from '../../server/access/register';
import { issueToken, newLinkSecret } from '../../server/access/tokens';
import type { Clock } from '../../server/clock';
import { loadActor } from '../../server/access/actor';
import { createApplication, signApplication } from '../../server/admin-applications/applications';
import { passwordReauthentication } from '../../server/admin-applications/signing';
import { addDays, helsinkiDate, yearOf } from '../../server/calendar/dates';
import { grantHours, setCentreBudget } from '../../server/hours/ledger';
import { adminApplications, badgeApplications, badgeCredentials, calendarYears, centreSettings, expenseReports, feedbackLinks, hourProposals, hourRequests, organisations, paymentBatches, paymentReports, payments, portalLinks, registerConsents, roleAssignments, signatureRecords, studyRegisterEntries, trainingResults, trainingStrategies, trainings, users } from '../../server/db/schema';
import type { Database } from '../../server/db/types';
import { businessIdFor } from '../../server/organisations/business-id';
import { demoPassword } from '../../server/seed/demo';
import { makeBadgePng, makePng } from '../../server/organisations/sample-images';
import { applyForBadge } from '../../server/badges/applications';
import { registerForTraining } from '../../server/trainings/registration';
import { createModel, takeModelStep } from '../../server/models/models';
import { cancelTokenEmailedTo } from '../support/outbox';
import type { TestRole } from './access-expectations';

export interface FieldSpec {
  required: boolean;
  maxLength: number;
  /** A value of the wrong kind for this field (e.g. not an email); absent for free text. */
  wrongKind?: string;
  /**
   * Free text (names, passwords) may legitimately contain markup or SQL-looking text: such
   * values must be stored and shown verbatim and harmlessly; structured fields must refuse them.
   */
  freeText?: boolean;
  /** Where this field's error shows other than next to it (e.g. a broken link token). */
  errorText?: string;
}

export interface FormEnv {
  db: Database;
  clock: Clock;
  /** Ids in the submitter's own organisation (demo organisation A). */
  organisationId: string;
  unitId: string;
  userId: string;
  /** A unit (with no units under it) that unit forms act on. */
  editedUnitId: string;
  /** A centre staff member, whose contact details are edited. */
  staffId: string;
  /** The admin application a form acts on; `prepare` makes a fresh one where needed. */
  applicationId: string;
  /** A created calendar year and one of the centre's own events in it. */
  calendarYear: number;
  calendarEventId: string;
  /** A line of organisation A's proposal for `calendarYear`; `prepare` makes the proposal editable. */
  proposalLineId: string;
  /** A draft training plan of the demo trainer in `unitId`. */
  trainingId: string;
  /** A public, submitted training open for registration, and a cancel link's secret (`prepare` makes fresh ones). */
  publicTrainingId: string;
  cancelToken: string;
  /** An ongoing training with a session held a week ago ("YYYY-MM-DDTHH:MM") and one participant. */
  heldTrainingId: string;
  heldSession: string;
  heldParticipantId: string;
  /** A feedback link's secret (`prepare` makes a fresh one). */
  feedbackToken: string;
  /** An ended training with an expense report (`prepare` puts the report in the state a form needs). */
  reportTrainingId: string;
  /** A payment batch waiting to be paid (`prepare` makes a fresh one). */
  batchId: string;
  /** A training model of organisation A (`prepare` makes a fresh one in the state a form needs). */
  modelId: string;
  /** An ended training based on an approved model, with one participant (who has an email). */
  resultsTrainingId: string;
  resultsParticipantId: string;
  /** The address a portal session (`portalSession` cases) is for: the results participant's. */
  portalEmail: string;
  /** Organisation A's training strategy with one published version; its centre contact is the staff member `staffId`. */
  strategyId: string;
  /** The demo's admin badge (given by application); a credential of it not yet revoked, and that credential's VC-JWT. */
  badgeId: string;
  credentialId: string;
  badgeJwt: string;
  /** A waiting application for the badge (`prepare` makes a fresh one where needed). */
  badgeApplicationId: string;
}

export interface FormCase {
  name: string;
  /** The route pattern; :organisationId, :userId, :unitId, :staffId, :applicationId, :year and :eventId come from the FormEnv. */
  route: string;
  as: TestRole;
  valid: Record<string, string>;
  /** Values that must be made fresh for each submission (tokens, a user in the right state). */
  prepare?: (env: FormEnv) => Promise<Record<string, string>>;
  fields: Record<string, FieldSpec>;
  /** Forms without fields of their own to mark show errors as a page with this text. */
  errorsShownAs: 'fieldErrors' | { page: string };
  /** What a valid submission answers (the harness checks the form really works). */
  validStatus: number;
  /** Where an unknown field is reported, when not in the error summary. */
  unknownFieldText?: string;
  /** Forms of the participant portal: sent with a portal session of `FormEnv.portalEmail` instead of a user's. */
  portalSession?: true;
  /** Upload forms: the file a valid submission carries (bad cases are sent without it). */
  validFile?: { field: string; name: string; type: string; content: () => Uint8Array };
}

const password = { required: true, maxLength: 200, freeText: true };
/** Hours as typed: at most two decimals; 12 characters once spaces are taken out. */
const hoursSpec: FieldSpec = { required: true, maxLength: 12, wrongKind: '1,234' };
/** Organisation A's proposal for the calendar year, returned for changes: editable whatever the date. */
async function editableProposal(env: FormEnv) {
  await env.db.update(hourProposals).set({ status: 'returned' }).where(eq(hourProposals.organisationId, env.organisationId));
  return {};
}
const proposalLineFields = (intent: string): Record<string, FieldSpec> => ({
  // One page, several forms told apart by intent: a wrong one is refused as a whole.
  intent: { required: true, maxLength: intent.length, wrongKind: 'delete-all', errorText: 'Arvo ei kelpaa' },
  unitId: { required: false, maxLength: 36, wrongKind: 'not-a-unit' },
  theme: { required: false, maxLength: 200, freeText: true },
  hours: hoursSpec,
  justification: { required: false, maxLength: 2000, freeText: true },
  // A checkbox: its error is listed in the summary, linked to it.
  delegated: { required: false, maxLength: 3, wrongKind: 'no', errorText: 'field-delegated"' },
});
const calendarEventFields: Record<string, FieldSpec> = {
  // A hidden field: its error is listed in the summary, linked to the field.
  intent: { required: true, maxLength: 4, wrongKind: 'delete', errorText: 'field-intent"' },
  startsOn: { required: true, maxLength: 10, wrongKind: '2027-02-30' },
  // Before the start; outside the year is the domain's refusal, tested there.
  endsOn: { required: false, maxLength: 10, wrongKind: '2027-01-01' },
  titleFi: { required: true, maxLength: 200, freeText: true },
  titleSv: { required: false, maxLength: 200, freeText: true },
  descriptionFi: { required: false, maxLength: 2000, freeText: true },
};
/** A training plan's fields; the session columns repeat, one value per row. */
const planFields = (intent: FieldSpec): Record<string, FieldSpec> => {
  // A row's error is shown next to that row's field; a stray second value makes a second, incomplete row.
  const session = (maxLength: number, wrongKind?: string): FieldSpec => ({ required: false, maxLength, ...(wrongKind ? { wrongKind } : {}), errorText: 'id="error-summary-title"' });
  return {
    intent,
    unitId: { required: true, maxLength: 36, wrongKind: 'not-a-unit' },
    name: { required: true, maxLength: 200, freeText: true },
    description: { required: false, maxLength: 5000, freeText: true },
    type: { required: true, maxLength: 12, wrongKind: 'meeting' },
    mode: { required: true, maxLength: 6, wrongKind: 'remote' },
    topicClass: { required: true, maxLength: 12, wrongKind: 'sports' },
    targetGroup: { required: false, maxLength: 500, freeText: true },
    learningGoals: { required: false, maxLength: 3000, freeText: true },
    plannedParticipants: { required: true, maxLength: 5, wrongKind: '-3' },
    responsibleName: { required: false, maxLength: 200, freeText: true },
    price: { required: false, maxLength: 12, wrongKind: '12,345' },
    noOtherStateFunding: { required: false, maxLength: 3, wrongKind: 'no' },
    notSoldToCompanies: { required: false, maxLength: 3, wrongKind: 'no' },
    noVocationalQualification: { required: false, maxLength: 3, wrongKind: 'no' },
    isPublic: { required: false, maxLength: 3, wrongKind: 'no' },
    capacity: { required: false, maxLength: 5, wrongKind: '0' },
    // After the last session.
    registrationEndsOn: { required: false, maxLength: 10, wrongKind: '2027-03-03' },
    region: { required: false, maxLength: 16, wrongKind: 'atlantis' },
    sessionDate: session(10, '2027-02-30'),
    sessionStart: session(5, '25:00'),
    // Before the start.
    sessionEnd: session(5, '17:00'),
    sessionBreak: session(3, '1.5'),
    sessionPlace: { ...session(200), freeText: true },
    sessionLink: session(500, 'javascript:alert(1)'),
  };
};
/** Who registers or is added: a fresh email each time, as one email has one place per training. */
let participantsMade = 0;
const freshEmail = async () => ({ email: `osallistuja-${++participantsMade}@example.test` });
const participantFieldSpecs = (prefix: string): Record<string, FieldSpec> => {
  const shown = (spec: FieldSpec, field: string): FieldSpec => ({ ...spec, ...(prefix ? { errorText: `id="${prefix}field-${field}-error"` } : {}) });
  return {
    name: shown({ required: true, maxLength: 200, freeText: true }, 'name'),
    email: shown({ required: prefix === '', maxLength: 254, wrongKind: 'not-an-email' }, 'email'),
    birthYear: shown({ required: true, maxLength: 4, wrongKind: '19x0' }, 'birthYear'),
    municipality: shown({ required: true, maxLength: 100, freeText: true }, 'municipality'),
    gender: shown({ required: false, maxLength: 6, wrongKind: 'dog' }, 'gender'),
    firstTimeThisYear: shown({ required: true, maxLength: 3, wrongKind: 'maybe' }, 'firstTimeThisYear'),
  };
};
const validParticipant = { name: 'Aino Esimerkki', birthYear: '1980', municipality: 'Tampere', gender: 'female', firstTimeThisYear: 'yes' };

const validPlan = {
  name: 'Kuorolaulun peruskurssi',
  description: 'Äänenkäytön perusteet aloittelijoille.',
  type: 'course',
  mode: 'onSite',
  topicClass: 'culture',
  targetGroup: 'Aikuiset',
  learningGoals: 'Osallistuja osaa lämmitellä äänensä.',
  plannedParticipants: '12',
  responsibleName: 'Kaija Kuvitelma',
  price: '25',
  noOtherStateFunding: 'yes',
  notSoldToCompanies: 'yes',
  noVocationalQualification: 'yes',
  isPublic: 'yes',
  capacity: '20',
  registrationEndsOn: '2027-02-25',
  region: 'lappi',
  sessionDate: '2027-03-02',
  sessionStart: '18:00',
  sessionEnd: '19:30',
  sessionBreak: '0',
  sessionPlace: 'Seurantalo',
  sessionLink: '',
};
let newOrganisations = 0;
const email = { required: true, maxLength: 254, wrongKind: 'not-an-email' };
const brokenLink = 'Linkki ei kelpaa';
const userActionRefused = { page: 'Toimintoa ei tehty' };

/** A fresh registration to the public training; the secret of its emailed cancel link. */
async function registrationToCancel(env: FormEnv): Promise<string> {
  const { email } = await freshEmail();
  const person = { name: 'Peruja', email, birthYear: 1990, municipality: 'Oulu', gender: null, firstTimeThisYear: false, language: 'fi' as const };
  const result = await registerForTraining({ db: env.db, clock: env.clock }, env.publicTrainingId, person, { publicUrl: 'http://sivis.test' });
  if (!result.ok) throw new Error(result.error);
  return cancelTokenEmailedTo(env.db, email);
}

/** A fresh, unused feedback link to the held training; its secret. */
async function freshFeedbackLink(env: FormEnv): Promise<string> {
  const { token, hash } = newLinkSecret();
  await env.db.insert(feedbackLinks).values({ trainingId: env.heldTrainingId, tokenHash: hash, expiresAt: new Date(env.clock.now().getTime() + 86_400_000) });
  return token;
}
const attendanceMode = (mode: 'list' | 'counts') => async (env: FormEnv) => {
  await env.db.update(trainings).set({ attendanceMode: mode }).where(eq(trainings.id, env.heldTrainingId));
  return {};
};
/** The report as a draft of an ended training (the trainer's forms) or submitted and waiting (staff's decisions). */
const reportAs = (status: 'draft' | 'submitted') => async (env: FormEnv) => {
  await env.db.update(expenseReports).set({ status, version: status === 'submitted' ? 1 : 0 }).where(eq(expenseReports.trainingId, env.reportTrainingId));
  await env.db.update(trainings).set({ status: status === 'submitted' ? 'reported' : 'ended' }).where(eq(trainings.id, env.reportTrainingId));
  return {};
};
/** A staff decision's form: one comment, shown next to it (the field's id carries the decision's name). */
const decisionCase = (name: string, intent: 'return' | 'reject'): FormCase => ({
  name,
  route: '/organisations/:organisationId/trainings/:trainingId/expense-report',
  as: 'centre_staff',
  valid: { intent, comment: 'Kouluttajan palkkio puuttuu.' },
  prepare: reportAs('submitted'),
  fields: {
    intent: { required: true, maxLength: intent.length, wrongKind: 'delete', errorText: 'id="error-summary-title"' },
    comment: { required: true, maxLength: 2000, freeText: true, errorText: `id="${intent}-field-comment-error"` },
  },
  errorsShownAs: 'fieldErrors',
  validStatus: 302,
});
/** The centre's and organisation A's accounts, and the report approved and in no batch: a batch can be made of it. */
async function payableReport(env: FormEnv) {
  const account = { name: 'Opintokeskus Sivis', businessId: '1234567-8', iban: 'FI2112345600000785', bic: 'NDEAFIHH' };
  await env.db.insert(centreSettings).values(account).onConflictDoUpdate({ target: centreSettings.id, set: account });
  await env.db.update(organisations).set({ iban: 'FI5542345670000081', bic: '' }).where(eq(organisations.id, env.organisationId));
  const [report] = await env.db.update(expenseReports).set({ status: 'approved', version: 1, supportCents: 12_000, paymentId: null }).where(eq(expenseReports.trainingId, env.reportTrainingId)).returning({ id: expenseReports.id });
  await env.db.update(paymentReports).set({ active: false }).where(eq(paymentReports.reportId, report!.id));
  return { executionDate: addDays(helsinkiDate(env.clock.now()), 1) };
}
/** A fresh batch waiting to be paid, made yesterday, with one payment to organisation A. */
async function openBatch(env: FormEnv) {
  const reference = `T-${crypto.randomUUID().slice(0, 8)}`;
  const yesterday = new Date(env.clock.now().getTime() - 86_400_000);
  const [batch] = await env.db
    .insert(paymentBatches)
    .values({ reference, executionDate: helsinkiDate(env.clock.now()), debtorName: 'Opintokeskus Sivis', debtorIban: 'FI2112345600000785', debtorBic: 'NDEAFIHH', paymentCount: 1, totalCents: 12_000, createdAt: yesterday })
    .returning({ id: paymentBatches.id });
  await env.db.insert(payments).values({ batchId: batch!.id, organisationId: env.organisationId, creditorName: 'Kansanliikkeiden Liitto ry', iban: 'FI5542345670000081', bic: '', amountCents: 12_000, reportCount: 0, endToEndId: `TUKI-${reference}-1`, remittanceInfo: `Koulutustuki, maksuaineisto ${reference}` });
  env.batchId = batch!.id;
  return { paidOn: helsinkiDate(env.clock.now()) };
}
const modelDesign = { name: 'Malli', targetGroup: 'Kaikki', outcomes: ['Osaa'], content: 'Sisältö', assessmentMethod: 'Tehtävä', assessmentCriteria: 'Hyväksytty', activities: [{ kind: 'independent' as const, amount: 2700, description: '' }] };
/** A fresh model of organisation A, submitted for review. */
async function submittedModel(env: FormEnv) {
  const [adminRow] = await env.db.select({ id: users.id }).from(users).where(eq(users.email, 'paakayttaja@kll.example'));
  const admin = { db: env.db, clock: env.clock, actor: (await loadActor(env.db, adminRow!.id))! };
  const created = await createModel(admin, env.organisationId, modelDesign);
  const result = await takeModelStep(admin, { organisationId: env.organisationId, modelId: created.modelId }, 'submit', { content: modelDesign }, { publicUrl: 'http://sivis.test' });
  if (!result.ok) throw new Error(result.error);
  env.modelId = created.modelId;
  return {};
}
/** The results participant without a result, consent or register entry, as before the trainer marks them. */
async function unmarkedResults(env: FormEnv) {
  await env.db.delete(studyRegisterEntries).where(eq(studyRegisterEntries.trainingId, env.resultsTrainingId));
  await env.db.delete(trainingResults).where(eq(trainingResults.trainingId, env.resultsTrainingId));
  await env.db.delete(registerConsents).where(eq(registerConsents.participantId, env.resultsParticipantId));
  return { participantId: env.resultsParticipantId };
}
/** The results participant marked passed today, so that the admin may correct it. */
async function markedResult(env: FormEnv) {
  await unmarkedResults(env);
  await env.db.insert(trainingResults).values({ participantId: env.resultsParticipantId, trainingId: env.resultsTrainingId, outcome: 'passed', markedAt: env.clock.now() });
  return { participantId: env.resultsParticipantId };
}
/** A consent request for the results participant's passed result; its link's secret becomes the token of the address. */
async function consentRequested(env: FormEnv) {
  await markedResult(env);
  const { token, hash } = newLinkSecret();
  await env.db.insert(registerConsents).values({ participantId: env.resultsParticipantId, requestTokenHash: hash, requestedAt: env.clock.now() });
  env.cancelToken = token;
  return {};
}
/** A fresh portal sign-in link for the results participant; its secret becomes the token of the address. */
async function portalLink(env: FormEnv) {
  const { token, hash } = newLinkSecret();
  await env.db.insert(portalLinks).values({ tokenHash: hash, email: env.portalEmail, createdAt: env.clock.now(), expiresAt: new Date(env.clock.now().getTime() + 600_000) });
  env.cancelToken = token;
  return {};
}
/** When organisation A's strategy draft was last saved. */
async function draftSavedAtOf(env: FormEnv) {
  const [strategy] = await env.db.select({ savedAt: trainingStrategies.draftSavedAt }).from(trainingStrategies).where(eq(trainingStrategies.id, env.strategyId));
  return strategy!.savedAt;
}
/** A strategy's free-text parts; the target columns repeat, a published row whole or empty. */
const strategyFields = (): Record<string, FieldSpec> => {
  const part = (maxLength: number): FieldSpec => ({ required: false, maxLength, freeText: true });
  // A row's error is shown next to that row's field; a stray second value makes a second, incomplete row.
  const column = (maxLength: number): FieldSpec => ({ required: true, maxLength, freeText: true, errorText: 'id="error-summary-title"' });
  return {
    intent: hidden(7, 'delete'),
    draftSavedAt: hidden(40, 'yesterday'),
    purpose: part(10_000),
    currentState: part(10_000),
    challenges: part(10_000),
    targetGroups: part(5_000),
    qualityDevelopment: part(10_000),
    evaluation: part(10_000),
    targetText: column(500),
    targetMeasure: column(300),
    targetOwner: column(200),
    targetTimetable: column(200),
  };
};
/** Hidden fields: their errors are listed in the summary at the top. */
const hidden = (maxLength: number, wrongKind: string, required = true): FieldSpec => ({ required, maxLength, wrongKind, errorText: 'id="error-summary-title"' });

async function tokenFor(env: FormEnv, kind: 'invitation' | 'password_reset' | 'email_verification', status: 'invited' | 'active' | 'unverified') {
  await env.db.update(users).set({ status }).where(eq(users.id, env.userId));
  return issueToken(env.db, env.clock, kind, env.userId);
}

const badgeTextFields: Record<string, FieldSpec> = {
  name_fi: { required: true, maxLength: 120, freeText: true },
  name_sv: { required: false, maxLength: 120, freeText: true },
  description_fi: { required: true, maxLength: 2000, freeText: true },
  criteria_fi: { required: true, maxLength: 2000, freeText: true },
};

/** A waiting application for the demo badge by organisation B's admin (A's admin applies in the form). */
async function freshBadgeApplication(env: FormEnv): Promise<string> {
  const [admin] = await env.db.select({ id: users.id }).from(users).where(eq(users.email, 'paakayttaja@kyk.example'));
  const actor = (await loadActor(env.db, admin!.id))!;
  const applied = await applyForBadge({ db: env.db, clock: env.clock, actor }, { badgeId: env.badgeId, organisationId: actor.grants[0]!.organisationId!, justification: 'Haen merkkiä.' });
  if (!applied.ok) throw new Error(applied.error);
  return applied.applicationId;
}

/** The images page's signature form, with a real PNG in its valid submission. */
function signatureUpload(name: string, route: string, as: TestRole): FormCase {
  return {
    name,
    route,
    as,
    valid: { kind: 'signature', signerName: 'Kaija Kuvitelma', signerTitle: 'puheenjohtaja' },
    validFile: { field: 'file', name: 'allekirjoitus.png', type: 'image/png', content: () => makePng(120, 40) },
    fields: {
      // A hidden field: its error is listed in the summary, linked to the field.
      kind: { required: true, maxLength: 9, wrongKind: 'banner', errorText: 'field-kind"' },
      // Each image has its own form on the page, so its fields' ids carry the image's name.
      signerName: { required: false, maxLength: 200, freeText: true, errorText: 'id="signature-field-signerName-error"' },
      signerTitle: { required: false, maxLength: 200, freeText: true, errorText: 'id="signature-field-signerTitle-error"' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  };
}


/** A fresh draft application by the demo trainer of organisation A (earlier open ones removed). */
async function freshDraft(env: FormEnv) {
  const trainer = (await loadActor(env.db, (await env.db.select({ id: users.id }).from(users).where(eq(users.email, 'kouluttaja1@kll.example')))[0]!.id))!;
  // The trainer's pages are Finnish here, whatever an earlier form case chose.
  await env.db.update(users).set({ language: 'fi' }).where(eq(users.id, trainer.userId));
  await env.db.delete(signatureRecords);
  await env.db.delete(adminApplications).where(eq(adminApplications.userId, trainer.userId));
  const result = await createApplication({ db: env.db, clock: env.clock, actor: trainer }, { organisationId: env.organisationId, justification: 'Haen.' });
  if (!result.ok) throw new Error(result.error);
  env.applicationId = result.applicationId;
  return { trainer, applicationId: result.applicationId };
}

export const formCases: FormCase[] = [
  {
    name: 'sign-in',
    route: '/login',
    as: 'anonymous',
    valid: { email: 'paakayttaja@kll.example', password: demoPassword },
    fields: { email, password },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'change own password',
    route: '/account',
    as: 'org_admin',
    valid: { currentPassword: demoPassword, newPassword: 'uusi-salasana-2027', confirmPassword: 'uusi-salasana-2027' },
    fields: { currentPassword: password, newPassword: password, confirmPassword: password },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'language',
    route: '/language',
    as: 'trainer',
    valid: { language: 'sv', redirectTo: '/' },
    fields: { language: { required: true, maxLength: 2, wrongKind: 'xx' }, redirectTo: { required: false, maxLength: 500, freeText: true } },
    errorsShownAs: { page: 'Pyyntöä ei voitu käsitellä' },
    validStatus: 302,
  },
  {
    name: 'registration',
    route: '/register',
    as: 'anonymous',
    valid: { name: 'Rekisteröityjä', email: 'rekisteroityja@example.fi', password: 'pitka-salasana-1', confirmPassword: 'pitka-salasana-1' },
    prepare: async (env) => ({ unitId: env.unitId }),
    fields: {
      name: { required: true, maxLength: 200, freeText: true },
      email,
      password,
      confirmPassword: password,
      unitId: { required: true, maxLength: 36, wrongKind: 'not-a-unit' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'email verification',
    route: '/verify-email',
    as: 'anonymous',
    valid: {},
    prepare: async (env) => {
      // A verification needs a registration in the right state: make a fresh one.
      const address = `vahvistus-${Math.random().toString(36).slice(2)}@example.fi`;
      await registerTrainer(env, { name: 'V', email: address, password: 'pitka-salasana-1', unitId: env.unitId, language: 'fi' }, 'http://x');
      const [user] = await env.db.select({ id: users.id }).from(users).where(eq(users.email, address));
      return { token: await issueToken(env.db, env.clock, 'email_verification', user!.id) };
    },
    fields: { token: { required: true, maxLength: 100, wrongKind: 'not a token!', errorText: brokenLink } },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
    unknownFieldText: brokenLink,
  },
  {
    name: 'forgotten password',
    route: '/forgot-password',
    as: 'anonymous',
    valid: { email: 'kouluttaja1@kll.example' },
    fields: { email },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'password reset',
    route: '/reset-password',
    as: 'anonymous',
    valid: { password: 'pitka-salasana-2', confirmPassword: 'pitka-salasana-2' },
    prepare: async (env) => ({ token: await tokenFor(env, 'password_reset', 'active') }),
    fields: { token: { required: true, maxLength: 100, wrongKind: 'not a token!', errorText: brokenLink }, password, confirmPassword: password },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'accepting an invitation',
    route: '/invitation',
    as: 'anonymous',
    valid: { password: 'pitka-salasana-3', confirmPassword: 'pitka-salasana-3' },
    prepare: async (env) => ({ token: await tokenFor(env, 'invitation', 'invited') }),
    fields: { token: { required: true, maxLength: 100, wrongKind: 'not a token!', errorText: brokenLink }, password, confirmPassword: password },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'organisation profile',
    route: '/organisations/:organisationId/profile',
    as: 'org_admin',
    valid: {
      name: 'Kansanliikkeiden Liitto ry',
      businessId: '0737546-2',
      streetAddress: 'Harjoituskatu 5',
      postalCode: '00100',
      city: 'Helsinki',
      contactName: 'Kaija Kuvitelma',
      contactEmail: 'kaija@example.fi',
      contactPhone: '+358 40 123 4567',
      website: 'https://www.example.fi',
      iban: 'FI21 1234 5600 0007 85',
      bic: 'NDEAFIHH',
      membershipStart: '2019-01-01',
      internalRules: 'Piirit kouluttavat.',
    },
    fields: {
      name: { required: true, maxLength: 200, freeText: true },
      businessId: { required: true, maxLength: 9, wrongKind: '0737546-3' },
      streetAddress: { required: false, maxLength: 200, freeText: true },
      postalCode: { required: false, maxLength: 5, wrongKind: 'abcde' },
      city: { required: false, maxLength: 100, freeText: true },
      contactName: { required: false, maxLength: 200, freeText: true },
      contactEmail: { required: false, maxLength: 254, wrongKind: 'kaija@' },
      contactPhone: { required: false, maxLength: 30, wrongKind: 'call me' },
      website: { required: false, maxLength: 300, wrongKind: 'www.example.fi' },
      iban: { required: false, maxLength: 42, wrongKind: 'FI21 1234 5600 0007 86' },
      bic: { required: false, maxLength: 11, wrongKind: 'NDEA' },
      membershipStart: { required: false, maxLength: 10, wrongKind: '1.1.2019' },
      internalRules: { required: false, maxLength: 20_000, freeText: true },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  signatureUpload('logo and signature upload', '/organisations/:organisationId/images', 'org_admin'),
  {
    name: 'creating a unit',
    route: '/organisations/:organisationId/units',
    as: 'org_admin',
    valid: { intent: 'create', name: 'Uusi yhdistys', kind: 'association', parentId: '' },
    fields: {
      intent: { required: true, maxLength: 6, wrongKind: 'delete', errorText: 'href="#field-intent"' },
      name: { required: true, maxLength: 200, freeText: true },
      kind: { required: true, maxLength: 11, wrongKind: 'country' },
      parentId: { required: false, maxLength: 36, wrongKind: 'not-a-unit' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'editing a unit',
    route: '/organisations/:organisationId/units/:unitId',
    as: 'org_admin',
    valid: { intent: 'update', name: 'Revontulten yhdistys', kind: 'association', trainsWithCentre: 'yes', active: 'yes' },
    fields: {
      // The intent picks the form; a broken one is reported above all the forms.
      intent: { required: true, maxLength: 6, wrongKind: 'delete', errorText: 'Arvo ei kelpaa. Tarkista se.' },
      name: { required: true, maxLength: 200, freeText: true },
      kind: { required: true, maxLength: 11, wrongKind: 'country' },
      trainsWithCentre: { required: true, maxLength: 3, wrongKind: 'maybe' },
      active: { required: true, maxLength: 3, wrongKind: 'maybe' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'moving a unit',
    route: '/organisations/:organisationId/units/:unitId',
    as: 'org_admin',
    valid: { intent: 'move', parentId: '' },
    fields: { parentId: { required: true, maxLength: 36, wrongKind: 'not-a-unit' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'assigning a coordinator',
    route: '/organisations/:organisationId/units/:unitId',
    as: 'org_admin',
    valid: { intent: 'assignCoordinator' },
    prepare: async (env) => ({ userId: env.userId }),
    fields: { userId: { required: true, maxLength: 36, wrongKind: 'not-a-user' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'centre settings',
    route: '/centre',
    as: 'centre_admin',
    valid: { intent: 'settings', name: 'Opintokeskus Sivis', businessId: '0737546-2', address: 'Esimerkkikatu 1', iban: 'FI21 1234 5600 0007 85', bic: 'NDEAFIHH' },
    fields: {
      intent: { required: true, maxLength: 8, wrongKind: 'delete', errorText: 'Arvo ei kelpaa. Tarkista se.' },
      name: { required: true, maxLength: 200, freeText: true },
      businessId: { required: true, maxLength: 9, wrongKind: '0737546-3' },
      address: { required: false, maxLength: 300, freeText: true },
      iban: { required: false, maxLength: 42, wrongKind: 'FI00' },
      bic: { required: false, maxLength: 11, wrongKind: 'NDEA' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'support rules of a year',
    route: '/centre',
    as: 'centre_admin',
    valid: {
      intent: 'rules',
      year: '2027',
      hourlyRate: '35,00',
      costCapPercent: '55',
      peerGroupRate: '3',
      minTeachingHours: '1',
      minParticipants: '7',
      minParticipantAge: '15',
      peerMinMembers: '5',
      peerMinHours: '10',
      forbiddenWords: 'kokous, retki, leiri',
      auditSharePercent: '10',
    },
    fields: {
      year: { required: true, maxLength: 4, wrongKind: '1999' },
      forbiddenWords: { required: true, maxLength: 500, wrongKind: 'kokous, 42' },
      hourlyRate: { required: true, maxLength: 10, wrongKind: '35 euroa' },
      costCapPercent: { required: true, maxLength: 6, wrongKind: '155' },
      peerGroupRate: { required: true, maxLength: 10, wrongKind: '-3' },
      minTeachingHours: { required: true, maxLength: 8, wrongKind: 'tunti' },
      minParticipants: { required: true, maxLength: 4, wrongKind: '7,5' },
      minParticipantAge: { required: true, maxLength: 4, wrongKind: 'x' },
      peerMinMembers: { required: true, maxLength: 4, wrongKind: 'x' },
      peerMinHours: { required: true, maxLength: 8, wrongKind: 'x' },
      auditSharePercent: { required: true, maxLength: 6, wrongKind: '101' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  signatureUpload('centre logo and signature upload', '/centre/images', 'centre_admin'),
  {
    name: 'new member organisation',
    route: '/organisations/new',
    as: 'centre_staff',
    valid: { name: 'Uusi Liitto ry', adminName: 'Eka Pääkäyttäjä', adminEmail: 'eka@uusi.example' },
    // Free-text cases may create an organisation: each submission gets an unused business ID.
    prepare: async () => ({ businessId: businessIdFor(4_000_000 + ++newOrganisations * 13) }),
    fields: {
      name: { required: true, maxLength: 200, freeText: true },
      businessId: { required: true, maxLength: 9, wrongKind: '1572860-1' },
      adminName: { required: true, maxLength: 200, freeText: true },
      adminEmail: email,
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'a staff member’s contact details',
    route: '/contacts/:staffId',
    as: 'centre_admin',
    valid: { title: 'Koulutusasiantuntija', responsibilities: 'Kulttuurijärjestöt', phone: '+358 40 765 4321' },
    fields: {
      title: { required: false, maxLength: 200, freeText: true },
      responsibilities: { required: false, maxLength: 2000, freeText: true },
      phone: { required: false, maxLength: 30, wrongKind: 'call me' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'admin application',
    route: '/admin-application',
    as: 'trainer',
    valid: { justification: 'Hoidan piirin koulutukset.', acceptDuties: 'yes' },
    prepare: async (env) => {
      await freshDraft(env);
      // The valid submission must not meet an open application.
      await env.db.delete(adminApplications).where(eq(adminApplications.id, env.applicationId));
      return { organisationId: env.organisationId };
    },
    fields: {
      organisationId: { required: true, maxLength: 36, wrongKind: 'not-an-organisation' },
      justification: { required: true, maxLength: 5000, freeText: true },
      acceptDuties: { required: true, maxLength: 3, wrongKind: 'no' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'signing an admin application',
    route: '/admin-application/:applicationId',
    as: 'trainer',
    valid: { password: demoPassword },
    prepare: async (env) => {
      await freshDraft(env);
      const [draft] = await env.db.select().from(adminApplications).where(eq(adminApplications.id, env.applicationId));
      return { reviewedSha256: draft!.reviewedSha256 };
    },
    fields: {
      // A hidden field: its error is listed in the summary, linked to the field.
      reviewedSha256: { required: true, maxLength: 64, wrongKind: 'abc', errorText: 'field-reviewedSha256"' },
      password,
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'deciding an admin application',
    route: '/admin-applications/:applicationId',
    as: 'centre_staff',
    valid: { intent: 'reject', reason: 'Ei perusteita.' },
    prepare: async (env) => {
      const { trainer, applicationId } = await freshDraft(env);
      const [draft] = await env.db.select().from(adminApplications).where(eq(adminApplications.id, applicationId));
      await signApplication({ db: env.db, clock: env.clock, actor: trainer }, { applicationId, reviewedSha256: draft!.reviewedSha256, password: demoPassword, ip: null }, passwordReauthentication, 'http://x');
      return {};
    },
    fields: {
      intent: { required: true, maxLength: 7, wrongKind: 'delete', errorText: 'field-intent"' },
      // A plain textarea beside two decision buttons: its errors are listed in the summary.
      reason: { required: false, maxLength: 1000, freeText: true, errorText: 'field-reason"' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'removing an admin role',
    route: '/organisations/:organisationId/admin-role',
    as: 'centre_staff',
    valid: {},
    prepare: async (env) => {
      await env.db.insert(roleAssignments).values({ userId: env.userId, role: 'org_admin', organisationId: env.organisationId }).onConflictDoNothing();
      return { userId: env.userId };
    },
    fields: { userId: { required: true, maxLength: 36, wrongKind: 'not-a-user', errorText: 'field-userId"' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'inviting a user',
    route: '/organisations/:organisationId/invite',
    as: 'org_admin',
    valid: { email: 'kutsuttava@example.fi', name: 'Kutsuttava', role: 'trainer' },
    prepare: async (env) => ({ unitId: env.unitId }),
    fields: {
      email,
      name: { required: true, maxLength: 200, freeText: true },
      unitId: { required: true, maxLength: 36, wrongKind: 'not-a-unit' },
      role: { required: true, maxLength: 16, wrongKind: 'centre_admin' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'approving a registration',
    route: '/organisations/:organisationId/users/:userId/approval',
    as: 'org_admin',
    valid: { intent: 'reject', reason: 'Ei tunneta' },
    prepare: async (env) => {
      await env.db.update(users).set({ status: 'pending' }).where(eq(users.id, env.userId));
      return {};
    },
    fields: { intent: { required: true, maxLength: 7, wrongKind: 'delete' }, reason: { required: false, maxLength: 1000, freeText: true } },
    errorsShownAs: userActionRefused,
    validStatus: 302,
  },
  {
    name: 'deactivating a user',
    route: '/organisations/:organisationId/users/:userId/activation',
    as: 'org_admin',
    valid: { intent: 'deactivate' },
    prepare: async (env) => {
      await env.db.update(users).set({ status: 'active' }).where(eq(users.id, env.userId));
      return {};
    },
    fields: { intent: { required: true, maxLength: 10, wrongKind: 'delete' } },
    errorsShownAs: userActionRefused,
    validStatus: 302,
  },
  {
    name: 'lifting a sign-in block',
    route: '/sign-in-blocks',
    as: 'centre_staff',
    valid: { scope: 'account', value: 'kuka@example.fi' },
    fields: { scope: { required: true, maxLength: 7, wrongKind: 'everyone' }, value: { required: true, maxLength: 254, freeText: true } },
    errorsShownAs: { page: 'Pyyntöä ei voitu käsitellä' },
    validStatus: 200,
  },
  {
    name: 'creating a year’s calendar',
    route: '/calendar',
    as: 'centre_staff',
    valid: { intent: 'create', source: 'template' },
    prepare: async (env) => {
      // The form is for a year without a calendar: this year's (the route's default) is removed first.
      await env.db.delete(calendarYears).where(eq(calendarYears.year, yearOf(helsinkiDate(env.clock.now()))));
      return {};
    },
    fields: {
      intent: { required: true, maxLength: 6, wrongKind: 'delete', errorText: 'field-intent"' },
      source: { required: true, maxLength: 12, wrongKind: 'nextYear' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'adding an event to the calendar',
    route: '/calendar/:year/events/new',
    as: 'centre_staff',
    valid: { intent: 'save', startsOn: '2027-05-04', endsOn: '2027-05-05', titleFi: 'Kevätseminaari', titleSv: '', titleEn: '', descriptionFi: 'Helsinki', descriptionSv: '', descriptionEn: '' },
    fields: calendarEventFields,
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'editing a calendar event',
    route: '/calendar/:year/events/:eventId',
    as: 'centre_staff',
    valid: { intent: 'save', startsOn: '2027-06-01', endsOn: '', titleFi: 'Kesäpäivät', titleSv: 'Sommardagar', titleEn: '', descriptionFi: '', descriptionSv: '', descriptionEn: '' },
    fields: {
      ...calendarEventFields,
      // One page, two forms told apart by intent: a wrong one is refused as a whole.
      intent: { required: true, maxLength: 6, wrongKind: 'remove', errorText: 'Arvo ei kelpaa' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'the calendar subscription address',
    route: '/calendar/subscription',
    as: 'org_admin',
    valid: { intent: 'create' },
    fields: { intent: { required: true, maxLength: 6, wrongKind: 'rotate' } },
    errorsShownAs: { page: 'Arvo ei kelpaa' },
    validStatus: 200,
  },
  {
    name: 'sending an announcement',
    route: '/announcements/new',
    as: 'centre_staff',
    valid: { subjectFi: 'Syysseminaari', bodyFi: 'Tervetuloa.', subjectSv: 'Höstseminarium', bodySv: 'Välkommen.', subjectEn: '', bodyEn: '', audience: 'organisations' },
    prepare: async (env) => ({ organisationIds: env.organisationId }),
    fields: {
      subjectFi: { required: true, maxLength: 200, freeText: true },
      bodyFi: { required: true, maxLength: 10_000, freeText: true },
      subjectSv: { required: false, maxLength: 200, freeText: true },
      bodySv: { required: false, maxLength: 10_000, freeText: true },
      audience: { required: true, maxLength: 13, wrongKind: 'everyone' },
      // Checkboxes: given twice is allowed, so the second value here is the bad one.
      organisationIds: { required: true, maxLength: 36, wrongKind: 'not-an-organisation' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'the centre’s hour budget',
    route: '/hours',
    as: 'centre_staff',
    valid: { intent: 'budget', hours: '12 500', reason: 'OKM:n päätös' },
    fields: {
      // One page, two forms told apart by intent: a wrong one is refused as a whole.
      intent: { required: true, maxLength: 10, wrongKind: 'delete', errorText: 'Arvo ei kelpaa' },
      hours: hoursSpec,
      reason: { required: false, maxLength: 500, freeText: true },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'an hour decision draft',
    route: '/hours/:year/organisations/:organisationId',
    as: 'centre_staff',
    valid: { intent: 'save', hours: '1200,5', decisionText: 'Myönnetään koulutuksiin.' },
    fields: {
      intent: { required: true, maxLength: 7, wrongKind: 'delete', errorText: 'Arvo ei kelpaa' },
      hours: hoursSpec,
      decisionText: { required: false, maxLength: 5000, freeText: true },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'distributing hours to a unit',
    route: '/organisations/:organisationId/hours',
    as: 'org_admin',
    valid: { intent: 'allocate', hours: '2,5', reason: 'Piirin koulutukset' },
    prepare: async (env) => {
      // The page is this year's: the organisation needs hours in its pool to give out.
      const year = yearOf(helsinkiDate(env.clock.now()));
      await env.db.transaction(async (tx) => {
        const ledger = { db: tx, clock: env.clock, actorUserId: null };
        await setCentreBudget(ledger, year, 1_000_000);
        await grantHours(ledger, { year, organisationId: env.organisationId, hundredths: 1000, kind: 'grant' });
      });
      return { unitId: env.unitId };
    },
    fields: {
      intent: { required: true, maxLength: 8, wrongKind: 'steal' },
      unitId: { required: true, maxLength: 36, wrongKind: 'not-a-unit' },
      hours: { ...hoursSpec, wrongKind: '0' },
      reason: { required: false, maxLength: 500, freeText: true },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'a line of an hour proposal',
    route: '/organisations/:organisationId/hours/proposals/:year',
    as: 'org_admin',
    valid: { intent: 'addLine', unitId: '', theme: 'Kuorot', hours: '10', justification: 'Kevään kurssit' },
    prepare: editableProposal,
    fields: proposalLineFields('addLine'),
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'editing a proposal line',
    route: '/organisations/:organisationId/hours/proposals/:year/lines/:lineId',
    as: 'org_admin',
    valid: { intent: 'save', unitId: '', theme: 'Kuorot', hours: '12,5', justification: 'Kevään kurssit' },
    prepare: editableProposal,
    fields: proposalLineFields('save'),
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'deciding an additional-hour application',
    route: '/organisations/:organisationId/hours/requests',
    as: 'centre_staff',
    valid: { intent: 'decide', hours: '0', reason: 'Budjetti ei riitä.' },
    prepare: async (env) => {
      // A pending application of organisation A to decide (only pending ones show the form).
      const [request] = await env.db
        .insert(hourRequests)
        .values({ year: yearOf(helsinkiDate(env.clock.now())), organisationId: env.organisationId, kind: 'additional', status: 'pending', requestedHundredths: 1000, createdAt: env.clock.now() })
        .returning({ id: hourRequests.id });
      return { requestId: request!.id };
    },
    fields: {
      intent: { required: true, maxLength: 6, wrongKind: 'remove', errorText: 'Arvo ei kelpaa' },
      // Each pending application has its own form, whose field ids carry the application's id.
      requestId: { required: true, maxLength: 36, wrongKind: 'not-a-request', errorText: 'field-requestId"' },
      hours: { ...hoursSpec, errorText: 'field-hours-error"' },
      reason: { required: false, maxLength: 2000, freeText: true, errorText: 'field-reason-error"' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'planning a new training',
    route: '/organisations/:organisationId/trainings/new',
    as: 'trainer',
    valid: { intent: 'save', ...validPlan },
    prepare: async (env) => ({ unitId: env.unitId }),
    // A hidden field: its error is listed in the summary, linked to the field.
    fields: planFields({ required: true, maxLength: 4, wrongKind: 'submit', errorText: 'field-intent"' }),
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'editing a training plan',
    route: '/organisations/:organisationId/trainings/:trainingId',
    as: 'trainer',
    valid: { intent: 'save', ...validPlan },
    prepare: async (env) => ({ unitId: env.unitId }),
    // One page, several forms told apart by intent: a wrong one is refused as a whole.
    fields: planFields({ required: true, maxLength: 6, wrongKind: 'delete', errorText: 'Arvo ei kelpaa' }),
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'registering for a training',
    route: '/training-calendar/:trainingId',
    as: 'anonymous',
    valid: { ...validParticipant, email: 'x@example.test', consent: 'yes' },
    prepare: freshEmail,
    fields: { ...participantFieldSpecs(''), consent: { required: true, maxLength: 3, wrongKind: 'no' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'cancelling a registration',
    route: '/registrations/:token',
    as: 'anonymous',
    valid: { confirm: 'yes' },
    prepare: async (env) => {
      env.cancelToken = await registrationToCancel(env);
      return {};
    },
    fields: { confirm: { required: true, maxLength: 3, wrongKind: 'no' } },
    errorsShownAs: { page: 'Arvo ei kelpaa' },
    validStatus: 200,
  },
  {
    name: 'adding a participant by hand',
    route: '/organisations/:organisationId/trainings/:trainingId/participants',
    as: 'trainer',
    valid: { intent: 'add', ...validParticipant, email: 'x@example.test' },
    prepare: freshEmail,
    // One page, several forms told apart by intent: a wrong one is refused as a whole.
    fields: { intent: { required: true, maxLength: 3, wrongKind: 'delete', errorText: 'Arvo ei kelpaa' }, ...participantFieldSpecs('add-') },
    errorsShownAs: 'fieldErrors',
    unknownFieldText: 'Lomakkeessa oli tuntematon kenttä',
    validStatus: 302,
  },
  {
    name: 'importing participants',
    route: '/organisations/:organisationId/trainings/:trainingId/participants',
    as: 'trainer',
    valid: { intent: 'import' },
    prepare: async () => ({ rows: `Bo Exempel;${(await freshEmail()).email};1990;Vaasa;;nej` }),
    fields: {
      intent: { required: true, maxLength: 6, wrongKind: 'delete-all', errorText: 'Arvo ei kelpaa' },
      // Rows that are not participants: every line's problem is listed, nothing is added.
      rows: { required: true, maxLength: 200_000, wrongKind: 'Bo;bo@example.test;1990', errorText: 'id="import-field-rows-error"' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'ticking attendance',
    route: '/organisations/:organisationId/trainings/:trainingId/attendance',
    as: 'trainer',
    valid: { intent: 'list' },
    prepare: async (env) => ({ ...(await attendanceMode('list')(env)), session: env.heldSession, present: env.heldParticipantId }),
    fields: {
      intent: hidden(4, 'delete'),
      session: hidden(16, '2027-13-01T25:00'),
      // Ticked boxes repeat the field; a value that is not a participant of the list is refused.
      present: hidden(36, 'not-a-participant', false),
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'counting a lecture’s attendance',
    route: '/organisations/:organisationId/trainings/:trainingId/attendance',
    as: 'trainer',
    valid: { intent: 'counts', adults: '42', minors: '3' },
    prepare: async (env) => ({ ...(await attendanceMode('counts')(env)), session: env.heldSession }),
    fields: {
      intent: hidden(6, 'delete'),
      session: hidden(16, '2027-13-01T25:00'),
      adults: { required: true, maxLength: 5, wrongKind: '-1' },
      minors: { required: true, maxLength: 5, wrongKind: '1.5' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'switching attendance to counts',
    route: '/organisations/:organisationId/trainings/:trainingId/attendance',
    as: 'trainer',
    valid: { intent: 'mode', mode: 'counts' },
    prepare: attendanceMode('list'),
    fields: { intent: hidden(4, 'delete'), mode: hidden(6, 'names') },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'answering feedback',
    route: '/feedback/:token',
    as: 'anonymous',
    valid: { grade: '4', good: 'Selkeä', improve: '' },
    prepare: async (env) => {
      env.feedbackToken = await freshFeedbackLink(env);
      return {};
    },
    fields: {
      grade: { required: true, maxLength: 1, wrongKind: '6' },
      good: { required: false, maxLength: 2000, freeText: true },
      improve: { required: false, maxLength: 2000, freeText: true },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'expense report draft',
    route: '/organisations/:organisationId/trainings/:trainingId/expense-report',
    as: 'trainer',
    valid: {
      intent: 'save',
      sessionDate: '2026-11-24',
      sessionStart: '18:00',
      sessionEnd: '20:15',
      sessionBreak: '0',
      costCategory: 'trainerFees',
      costDescription: 'Kouluttajan palkkio',
      costAmount: '250',
      participantFees: '40',
      otherFunding: '',
      otherFundingSource: '',
      notes: '',
    },
    prepare: reportAs('draft'),
    fields: {
      // The pressed button's value: anything else is refused as a whole.
      intent: { required: true, maxLength: 6, wrongKind: 'delete', errorText: 'id="error-summary-title"' },
      // Row fields: each error sits by its row and is listed in the summary.
      sessionDate: { required: false, maxLength: 10, wrongKind: '2026-02-30', errorText: 'id="error-summary-title"' },
      sessionStart: { required: false, maxLength: 5, wrongKind: '25:00', errorText: 'id="error-summary-title"' },
      sessionEnd: { required: false, maxLength: 5, wrongKind: '17:00', errorText: 'id="error-summary-title"' },
      sessionBreak: { required: false, maxLength: 3, wrongKind: '-5', errorText: 'id="error-summary-title"' },
      costCategory: { required: false, maxLength: 17, wrongKind: 'food', errorText: 'id="error-summary-title"' },
      costDescription: { required: false, maxLength: 200, freeText: true, errorText: 'id="error-summary-title"' },
      costAmount: { required: false, maxLength: 12, wrongKind: '12,345', errorText: 'id="error-summary-title"' },
      participantFees: { required: false, maxLength: 12, wrongKind: '-40' },
      otherFunding: { required: false, maxLength: 12, wrongKind: '1.234' },
      otherFundingSource: { required: false, maxLength: 200, freeText: true },
      notes: { required: false, maxLength: 2000, freeText: true },
      marketingDeclaration: { required: false, maxLength: 3, wrongKind: 'no' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'attaching a receipt',
    route: '/organisations/:organisationId/trainings/:trainingId/expense-report',
    as: 'trainer',
    valid: { intent: 'upload' },
    validFile: { field: 'file', name: 'kuitti.pdf', type: 'application/pdf', content: () => new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n') },
    prepare: reportAs('draft'),
    // Sent without the file, every bad case is refused; the intent's errors are listed in the summary.
    fields: { intent: { required: true, maxLength: 6, wrongKind: 'delete', errorText: 'id="error-summary-title"' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  decisionCase('returning an expense report for corrections', 'return'),
  decisionCase('rejecting an expense report', 'reject'),
  {
    name: 'creating a payment batch',
    route: '/payment-batches',
    as: 'centre_staff',
    valid: { intent: 'create', executionDate: '' },
    prepare: payableReport,
    fields: { intent: hidden(6, 'delete'), executionDate: { required: true, maxLength: 10, wrongKind: '2027-02-30' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'marking a payment batch paid',
    route: '/payment-batches/:batchId',
    as: 'centre_staff',
    valid: { intent: 'markPaid', paidOn: '' },
    prepare: openBatch,
    fields: { intent: hidden(8, 'delete'), paidOn: { required: true, maxLength: 10, wrongKind: '2027-02-30' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'cancelling a payment batch',
    route: '/payment-batches/:batchId',
    as: 'centre_staff',
    valid: { intent: 'cancel', reason: 'Pankki hylkäsi aineiston.' },
    prepare: async (env) => {
      await openBatch(env);
      return {};
    },
    fields: { intent: hidden(6, 'delete'), reason: { required: true, maxLength: 1000, freeText: true } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'new training model',
    route: '/organisations/:organisationId/models/new',
    as: 'org_admin',
    valid: { intent: 'save', name: 'Taloudenhoitaja', targetGroup: 'Rahastonhoitajat', outcomes: 'Osaa laatia talousarvion', content: 'Talousarvio', assessmentMethod: 'Harjoitustyö', assessmentCriteria: 'Hyväksytty', activityKind: 'lecture', activityAmount: '10', activityDescription: 'Luennot' },
    fields: {
      intent: hidden(6, 'delete'),
      name: { required: false, maxLength: 200, freeText: true },
      targetGroup: { required: false, maxLength: 500, freeText: true },
      outcomes: { required: false, maxLength: 6000, freeText: true },
      content: { required: false, maxLength: 6000, freeText: true },
      assessmentMethod: { required: false, maxLength: 2000, freeText: true },
      assessmentCriteria: { required: false, maxLength: 2000, freeText: true },
      // Row fields: each error sits by its row and is listed in the summary.
      activityKind: { required: false, maxLength: 16, wrongKind: 'sleeping', errorText: 'id="error-summary-title"' },
      activityAmount: { required: false, maxLength: 7, wrongKind: '1,234', errorText: 'id="error-summary-title"' },
      activityDescription: { required: false, maxLength: 200, freeText: true, errorText: 'id="error-summary-title"' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'commenting a training model',
    route: '/organisations/:organisationId/models/:modelId',
    as: 'org_admin',
    valid: { intent: 'comment', comment: 'Lisäsimme harjoituksia.' },
    prepare: submittedModel,
    fields: { intent: hidden(7, 'delete'), comment: { required: true, maxLength: 4000, freeText: true, errorText: 'id="comment-field-comment-error"' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'returning a training model',
    route: '/organisations/:organisationId/models/:modelId',
    as: 'centre_staff',
    valid: { intent: 'return', comment: 'Lisää harjoituksia.' },
    prepare: submittedModel,
    fields: { intent: hidden(6, 'delete'), comment: { required: true, maxLength: 4000, freeText: true, errorText: 'id="return-field-comment-error"' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'marking results',
    route: '/organisations/:organisationId/trainings/:trainingId/results',
    as: 'trainer',
    valid: { intent: 'record', outcome: 'passed', justification: '' },
    prepare: unmarkedResults,
    // The columns repeat per participant row: a stray second value misaligns the rows and is refused as a whole.
    fields: {
      intent: hidden(6, 'delete'),
      participantId: hidden(36, 'not-a-participant'),
      outcome: hidden(6, 'maybe'),
      justification: { required: false, maxLength: 2000, freeText: true, errorText: 'id="error-summary-title"' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'correcting a result',
    route: '/organisations/:organisationId/trainings/:trainingId/results',
    as: 'org_admin',
    valid: { intent: 'correct', outcome: 'failed', justification: 'Lopputehtävä puuttuu.', reason: 'Kirjausvirhe.' },
    prepare: markedResult,
    fields: {
      intent: hidden(7, 'delete'),
      participantId: hidden(36, 'not-a-participant'),
      outcome: hidden(6, 'maybe'),
      justification: { required: false, maxLength: 2000, freeText: true, errorText: 'id="error-summary-title"' },
      reason: { required: true, maxLength: 500, freeText: true, errorText: 'id="error-summary-title"' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'consenting to the study register by the emailed link',
    route: '/study-register/consent/:token',
    as: 'anonymous',
    valid: { confirm: 'yes' },
    prepare: consentRequested,
    fields: { confirm: { required: true, maxLength: 3, wrongKind: 'no' } },
    errorsShownAs: { page: 'Arvo ei kelpaa' },
    validStatus: 200,
  },
  {
    name: 'asking for a portal sign-in link',
    route: '/portal',
    as: 'anonymous',
    valid: { intent: 'signIn', email: 'portaali@example.test' },
    fields: { intent: hidden(6, 'delete'), email: { required: true, maxLength: 254, wrongKind: 'not-an-email' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'signing in to the portal by the emailed link',
    route: '/portal/sign-in/:token',
    as: 'anonymous',
    valid: { confirm: 'yes' },
    prepare: portalLink,
    fields: { confirm: { required: true, maxLength: 3, wrongKind: 'no' } },
    errorsShownAs: { page: 'Arvo ei kelpaa' },
    validStatus: 302,
  },
  {
    name: 'choosing the portal’s language',
    route: '/portal',
    as: 'anonymous',
    portalSession: true,
    valid: { intent: 'language', language: 'sv' },
    fields: { intent: hidden(8, 'delete'), language: { required: true, maxLength: 2, wrongKind: 'de', errorText: 'id="error-summary-title"' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'consenting to the study register in the portal',
    route: '/portal',
    as: 'anonymous',
    portalSession: true,
    valid: { intent: 'consent' },
    prepare: markedResult,
    fields: { intent: hidden(7, 'delete'), participantId: hidden(36, 'not-a-participant') },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'withdrawing consent in the portal',
    route: '/portal',
    as: 'anonymous',
    portalSession: true,
    valid: { intent: 'withdraw' },
    fields: { intent: hidden(8, 'delete') },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'starting a training strategy',
    route: '/organisations/:organisationId/strategies',
    as: 'org_admin',
    // A period organisation A has no strategy for (only the valid submission, sent last, starts one).
    valid: { firstYear: '2060', lastYear: '2063' },
    fields: { firstYear: { required: true, maxLength: 4, wrongKind: '20x7' }, lastYear: { required: true, maxLength: 4, wrongKind: '1999' } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'writing a training strategy',
    route: '/organisations/:organisationId/strategies/:strategyId',
    as: 'org_admin',
    // Publishing: a draft (intent=save) may also hold a target being written.
    valid: { intent: 'publish', purpose: 'Koulutus tukee jäsenyhdistyksiä ja vapaaehtoisia.', targetText: 'Uusia kouluttajia', targetMeasure: '10 kouluttajaa', targetOwner: 'Koulutuspäällikkö', targetTimetable: '2028' },
    // As the form opened now carries it; each accepted submission saves the draft anew.
    prepare: async (env) => ({ draftSavedAt: (await draftSavedAtOf(env)).toISOString() }),
    fields: strategyFields(),
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'commenting a training strategy',
    route: '/organisations/:organisationId/strategies/:strategyId/versions/:version',
    as: 'centre_staff',
    valid: { comment: 'Tavoitteet ovat selkeitä.' },
    fields: { comment: { required: true, maxLength: 4000, freeText: true } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'defining a badge',
    route: '/badges/new',
    as: 'centre_admin',
    valid: { name_fi: 'Kouluttajan merkki', name_sv: '', name_en: 'Trainer badge', description_fi: 'Kouluttaa jäsenistöä.', criteria_fi: 'Viisi koulutusta.', modelId: '' },
    validFile: { field: 'image', name: 'merkki.png', type: 'image/png', content: () => makeBadgePng(64) },
    fields: {
      ...badgeTextFields,
      modelId: { required: false, maxLength: 36, wrongKind: 'not-a-model' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'editing a badge',
    route: '/badges/:badgeId',
    as: 'centre_admin',
    // Without a file: the image stays.
    valid: { name_fi: 'Sivisverkon pääkäyttäjä', name_sv: 'Huvudanvändare i Sivisverkko', name_en: '', description_fi: 'Toimii pääkäyttäjänä.', criteria_fi: 'Opintokeskus hyväksyy hakemuksen.' },
    fields: badgeTextFields,
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'applying for a badge',
    route: '/organisations/:organisationId/badges',
    as: 'org_admin',
    valid: { justification: 'Olen hoitanut pääkäyttäjän tehtävät kaksi vuotta.' },
    // Free text is accepted: the application an earlier submission made is taken away, so the form shows again.
    prepare: async (env) => {
      const [admin] = await env.db.select({ id: users.id }).from(users).where(eq(users.email, 'paakayttaja@kll.example'));
      await env.db.delete(badgeApplications).where(eq(badgeApplications.userId, admin!.id));
      return { badgeId: env.badgeId };
    },
    fields: {
      // A hidden field: its error is listed in the summary, linked to the field.
      badgeId: { required: true, maxLength: 36, wrongKind: 'not-a-badge', errorText: 'field-badgeId"' },
      // Each badge's form has ids of its own (prefixed with the badge).
      justification: { required: true, maxLength: 2000, freeText: true, errorText: 'field-justification-error"' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'deciding a badge application',
    route: '/badges/applications/:badgeApplicationId',
    as: 'centre_staff',
    // Rejecting needs a reason (approving does not).
    valid: { intent: 'reject', reason: 'Kerro tarkemmin tehtävistäsi.' },
    prepare: async (env) => {
      const [current] = await env.db.select({ status: badgeApplications.status }).from(badgeApplications).where(eq(badgeApplications.id, env.badgeApplicationId));
      if (current?.status !== 'pending') env.badgeApplicationId = await freshBadgeApplication(env);
      return {};
    },
    fields: {
      intent: { required: true, maxLength: 7, wrongKind: 'delete', errorText: 'field-intent"' },
      reason: { required: true, maxLength: 1000, freeText: true },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'revoking a badge',
    route: '/badges/issued/:credentialId',
    as: 'centre_staff',
    valid: { reason: 'Myönnetty väärälle henkilölle.' },
    // Free text is accepted: a revocation an earlier submission made is undone, so the form shows again.
    prepare: async (env) => {
      await env.db.update(badgeCredentials).set({ revokedAt: null, revokedBy: null, revocationReason: '' }).where(eq(badgeCredentials.id, env.credentialId));
      return {};
    },
    fields: { reason: { required: true, maxLength: 1000, freeText: true } },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'verifying a badge',
    route: '/badges/verify',
    as: 'anonymous',
    valid: { email: 'merkki@example.test' },
    prepare: async (env) => ({ credential: env.badgeJwt }),
    fields: {
      // Any text may be pasted: what is no credential is told "not genuine" (shown verbatim, harmlessly).
      credential: { required: false, maxLength: 20000, freeText: true },
      email: { required: false, maxLength: 254, wrongKind: 'not-an-email' },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    // Last: its valid submission ends organisation A's membership, after which its forms refuse changes.
    name: 'ending a membership',
    route: '/organisations/:organisationId/membership',
    as: 'centre_staff',
    valid: { confirm: 'end' },
    prepare: async (env) => {
      await env.db.update(organisations).set({ endedAt: null }).where(eq(organisations.id, env.organisationId));
      return {};
    },
    fields: { confirm: { required: true, maxLength: 3, wrongKind: 'yes' } },
    errorsShownAs: { page: 'Pyyntöä ei voitu käsitellä' },
    validStatus: 302,
  },
];
