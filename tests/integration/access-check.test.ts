import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionNames } from '../../server/access/actions';
import type { DatabaseHandle } from '../../server/db/client';
import { createApplication } from '../../server/admin-applications/applications';
import { applyForBadge, decideBadgeApplication } from '../../server/badges/applications';
import { systemClock } from '../../server/clock';
import { createFeedToken } from '../../server/calendar/feed';
import { createYearCalendar, yearCalendar } from '../../server/calendar/year-calendar';
import { sendAnnouncement } from '../../server/notifications/announcements';
import { getDecision, publishDecisions, saveDecisionDraft, setBudget } from '../../server/hours/decisions';
import { createProposal, saveLineAsAdmin } from '../../server/hours/proposals';
import { createModel, takeModelStep } from '../../server/models/models';
import { centreImageOwner, saveImage } from '../../server/organisations/images';
import { seedDemoData } from '../../server/seed/demo';
import { savePlan, submitPlan } from '../../server/trainings/plans';
import { registerForTraining } from '../../server/trainings/registration';
import { cancelTokenEmailedTo } from '../support/outbox';
import { hashToken } from '../../server/access/tokens';
import { eq } from 'drizzle-orm';
import { badgeSigningKeys, badges, expenseReceipts, expenseReports, feedbackLinks, paymentBatches, payments, portalLinks, registerConsents, studyRegisterEntries, trainingModelVersions, trainingParticipants, trainings } from '../../server/db/schema';
import { newVerificationCode } from '../../server/register/verification-code';
import { emptyStrategy } from '../../server/strategy/content';
import { createStrategy } from '../../server/strategy/strategies';
import { publishCurrent } from '../support/strategy';
import { makePng } from '../../server/organisations/sample-images';
import { openTestDatabase } from '../support/database';
import { samplePlan } from '../support/trainings';
import { actorByEmail, demoOrgA, demoOrgB, organisationIdByName, unitByName } from '../support/demo';
import { type TestServer, startTestServer } from '../support/http-app';
import { benchCases } from '../../scripts/bench/cases';
import { type TestRole, accessExpectations, testRoles } from './access-expectations';
import { formCases } from './form-cases';

// Demo users of organisation A (kll); "other" data belongs to organisation B (kyk).
const usersByRole: Record<Exclude<TestRole, 'anonymous'>, string> = {
  centre_admin: 'admin@sivis.example',
  centre_staff: 'asiantuntija@sivis.example',
  org_admin: 'paakayttaja@kll.example',
  unit_coordinator: 'yhteyshenkilo@kll.example',
  trainer: 'kouluttaja1@kll.example',
  participant: 'osallistuja1@kll.example',
};

let handle: DatabaseHandle;
let server: TestServer;
const userIds = new Map<TestRole, string>();
let organisations: { own: string; other: string };
let members: { own: string; other: string };
let unitIds: { own: string; other: string };
let staffId: string;
let applicationIds: { own: string; other: string };
let announcementIds: { own: string; other: string };
let calendarEventId: string;
let feedFile: string;
let decisionIds: { own: string; other: string };
let lineIds: { own: string; other: string };
let trainingIds: { own: string; other: string };
let cancelToken: string;
let receiptIds: { own: string; other: string };
let batchId: string;
let paymentIds: { own: string; other: string };
let modelIds: { own: string; other: string };
let entries: Record<'own' | 'other', { id: string; code: string }>;
let strategyIds: { own: string; other: string };
let badgeId: string;
let badgeApplicationIds: { own: string; other: string };
let credentialId: string;
let keyId: string;
/** A feedback link to organisation A's training (its secret, as emailed). */
const feedbackToken = 'f'.repeat(43);
const calendarYear = 2027;

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  server = await startTestServer(handle.db);
  for (const [role, email] of Object.entries(usersByRole)) {
    userIds.set(role as TestRole, (await actorByEmail(handle.db, email)).userId);
  }
  organisations = { own: await organisationIdByName(handle.db, demoOrgA), other: await organisationIdByName(handle.db, demoOrgB) };
  // Each organisation has a logo, so that serving it can answer 200.
  const uploader = { db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, 'admin@sivis.example') };
  await saveImage(uploader, { ownerKey: centreImageOwner, organisationId: null, kind: 'logo', bytes: makePng(64, 32), signerName: '', signerTitle: '' });
  for (const organisationId of Object.values(organisations)) {
    await saveImage(uploader, { ownerKey: organisationId, organisationId, kind: 'logo', bytes: makePng(64, 32), signerName: '', signerTitle: '' });
  }
  staffId = (await actorByEmail(handle.db, 'asiantuntija@sivis.example')).userId;
  const applicationBy = async (email: string, organisationId: string) => {
    const result = await createApplication({ db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, email) }, { organisationId, justification: 'Haen.' });
    if (!result.ok) throw new Error(result.error);
    return result.applicationId;
  };
  applicationIds = { own: await applicationBy('kouluttaja1@kll.example', organisations.own), other: await applicationBy('kouluttaja1@kyk.example', organisations.other) };
  const staff = { db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, 'asiantuntija@sivis.example') };
  await createYearCalendar(staff, calendarYear, 'template');
  calendarEventId = (await yearCalendar(handle.db, calendarYear)).events[0]!.id!;
  const announcementTo = async (organisationId: string) => {
    const result = await sendAnnouncement(
      staff,
      { subjectFi: 'Tiedote', subjectSv: '', subjectEn: '', bodyFi: 'Teksti', bodySv: '', bodyEn: '', audience: 'organisations', organisationIds: [organisationId] },
      { publicUrl: 'http://sivis.test' },
    );
    if (!result.ok) throw new Error(result.error);
    return result.id;
  };
  announcementIds = { own: await announcementTo(organisations.own), other: await announcementTo(organisations.other) };
  feedFile = `${await createFeedToken({ db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, 'paakayttaja@kll.example') })}.ics`;
  // Published decisions for both organisations, made inside next year's decision window.
  const novemberStaff = { ...staff, clock: { now: () => new Date('2026-11-20T09:00:00Z') } };
  await setBudget(novemberStaff, 2027, 100_000, '');
  for (const organisationId of Object.values(organisations)) {
    await saveDecisionDraft(novemberStaff, { year: 2027, organisationId, grantedHundredths: 10_000, decisionText: '' });
  }
  await publishDecisions(novemberStaff, 2027, null, { publicUrl: 'http://sivis.test' });
  decisionIds = {
    own: (await getDecision(handle.db, 2027, organisations.own))!.id,
    other: (await getDecision(handle.db, 2027, organisations.other))!.id,
  };
  // Proposals for 2027, made in October 2026, each with a line delegated to a district.
  const october = (email: string) => actorByEmail(handle.db, email).then((actor) => ({ db: handle.db, clock: { now: () => new Date('2026-10-10T09:00:00Z') }, actor }));
  const delegatedLine = async (email: string, organisationId: string, unitName: string) => {
    const admin = await october(email);
    await createProposal(admin, organisationId, 2027);
    const unitId = (await unitByName(handle.db, unitName)).id;
    const line = await saveLineAsAdmin(admin, organisationId, 2027, null, { unitId, theme: '', hundredths: 0, justification: '', delegated: true });
    if (!line.ok) throw new Error(line.error);
    return line.id;
  };
  lineIds = { own: await delegatedLine('paakayttaja@kll.example', organisations.own, 'Pohjoisen piiri'), other: await delegatedLine('paakayttaja@kyk.example', organisations.other, 'Länsi-Suomen alue') };
  unitIds = { own: (await unitByName(handle.db, 'Etelän piiri')).id, other: (await unitByName(handle.db, 'Länsi-Suomen alue')).id };
  // Each organisation's first trainer plans a training in their association (under the coordinator's district in A).
  // Submitted in January 2027 and public, so that the public calendar shows them.
  const january = { now: () => new Date('2027-01-15T09:00:00Z') };
  const trainingBy = async (email: string, organisationId: string, unitName: string) => {
    const trainer = { db: handle.db, clock: january, actor: await actorByEmail(handle.db, email) };
    const unitId = (await unitByName(handle.db, unitName)).id;
    const result = await savePlan(trainer, organisationId, null, samplePlan(unitId, { isPublic: true }));
    if (!result.ok) throw new Error(result.error);
    const submitted = await submitPlan(trainer, organisationId, result.id);
    if (!submitted.ok) throw new Error(submitted.error);
    return result.id;
  };
  trainingIds = { own: await trainingBy('kouluttaja1@kll.example', organisations.own, 'Revontulten yhdistys'), other: await trainingBy('kouluttaja1@kyk.example', organisations.other, 'Rannikon kuoroyhdistys') };
  const registered = await registerForTraining({ db: handle.db, clock: january }, trainingIds.own, { name: 'Osallistuja', email: 'ilmoittautuja@example.test', birthYear: 1990, municipality: 'Oulu', gender: null, firstTimeThisYear: true, language: 'fi' }, { publicUrl: 'http://sivis.test' });
  if (!registered.ok) throw new Error(registered.error);
  cancelToken = await cancelTokenEmailedTo(handle.db, 'ilmoittautuja@example.test');
  await handle.db.insert(feedbackLinks).values({ trainingId: trainingIds.own, tokenHash: hashToken(feedbackToken), expiresAt: new Date('2100-01-01T00:00:00Z') });
  // Each training's report (a draft) with one receipt, so that serving a receipt can answer 200.
  const receiptOf = async (scope: 'own' | 'other') => {
    const now = new Date();
    const [report] = await handle.db
      .insert(expenseReports)
      .values({ trainingId: trainingIds[scope], organisationId: organisations[scope], year: 2027, content: { sessions: [], costs: [], participantFeesCents: 0, otherFundingCents: 0, otherFundingSource: '', marketingDeclaration: false, notes: '' }, createdAt: now, updatedAt: now })
      .returning({ id: expenseReports.id });
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const [receipt] = await handle.db
      .insert(expenseReceipts)
      .values({ reportId: report!.id, fileName: 'kuitti.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length, sha256: '', content: pdf.toString('base64'), uploadedAt: now })
      .returning({ id: expenseReceipts.id });
    return receipt!.id;
  };
  receiptIds = { own: await receiptOf('own'), other: await receiptOf('other') };
  // A payment batch with a payment to each organisation, so that its file and the specifications can answer 200.
  const [batch] = await handle.db
    .insert(paymentBatches)
    .values({ reference: '2027-001', executionDate: '2027-04-01', debtorName: 'Opintokeskus Sivis', debtorIban: 'FI2112345600000785', debtorBic: 'NDEAFIHH', paymentCount: 2, totalCents: 30_000, createdAt: new Date() })
    .returning({ id: paymentBatches.id });
  batchId = batch!.id;
  const paymentTo = async (scope: 'own' | 'other', n: number) => {
    const [payment] = await handle.db
      .insert(payments)
      .values({ batchId, organisationId: organisations[scope], creditorName: scope, iban: 'FI5542345670000081', bic: '', amountCents: 15_000, reportCount: 0, endToEndId: `TUKI-2027-001-${n}`, remittanceInfo: 'Koulutustuki, maksuaineisto 2027-001' })
      .returning({ id: payments.id });
    return payment!.id;
  };
  paymentIds = { own: await paymentTo('own', 1), other: await paymentTo('other', 2) };
  // An approved training model of each organisation, so that even those who only plan trainings see it.
  const approvedModel = async (scope: 'own' | 'other', adminEmail: string) => {
    const admin = { db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, adminEmail) };
    const content = { name: 'Malli', targetGroup: 'Kaikki', outcomes: ['Osaa'], content: 'Sisältö', assessmentMethod: 'Tehtävä', assessmentCriteria: 'Hyväksytty', activities: [{ kind: 'independent' as const, amount: 2700, description: '' }] };
    const created = await createModel(admin, organisations[scope], content);
    const target = { organisationId: organisations[scope], modelId: created.modelId };
    for (const [by, step] of [[admin, 'submit'], [staff, 'approve']] as const) {
      const result = await takeModelStep(by, target, step, { content }, { publicUrl: 'http://sivis.test' });
      if (!result.ok) throw new Error(result.error);
    }
    return created.modelId;
  };
  modelIds = { own: await approvedModel('own', 'paakayttaja@kll.example'), other: await approvedModel('other', 'paakayttaja@kyk.example') };
  // Each fixture training based on its organisation's model, with a register entry (so that its certificates print), the fixture registration
  // asked for consent, and a portal sign-in link, each by the cancel link's secret.
  const entryIn = async (scope: 'own' | 'other') => {
    const [version] = await handle.db.select({ id: trainingModelVersions.id }).from(trainingModelVersions).where(eq(trainingModelVersions.modelId, modelIds[scope]));
    await handle.db.update(trainings).set({ modelVersionId: version!.id }).where(eq(trainings.id, trainingIds[scope]));
    const [entry] = await handle.db
      .insert(studyRegisterEntries)
      .values({ trainingId: trainingIds[scope], organisationId: organisations[scope], modelVersionId: version!.id, personName: 'Åsa Öhman', personEmail: `suorittaja@${scope}.example`, organisationName: scope, modelName: 'Malli', creditTenths: 10, outcomes: ['Osaa'], firstDay: '2027-02-01', completedOn: '2027-02-08', verificationCode: newVerificationCode(), createdAt: new Date() })
      .returning({ id: studyRegisterEntries.id, code: studyRegisterEntries.verificationCode });
    return entry!;
  };
  entries = { own: await entryIn('own'), other: await entryIn('other') };
  const [participant] = await handle.db.select({ id: trainingParticipants.id }).from(trainingParticipants).where(eq(trainingParticipants.email, 'ilmoittautuja@example.test'));
  await handle.db.insert(registerConsents).values({ participantId: participant!.id, requestTokenHash: hashToken(cancelToken), requestedAt: new Date() });
  await handle.db.insert(portalLinks).values({ tokenHash: hashToken(cancelToken), email: 'ilmoittautuja@example.test', createdAt: new Date(), expiresAt: new Date('2100-01-01T00:00:00Z') });
  // A training strategy of each organisation with two published versions (so that they can be compared).
  const strategyOf = async (scope: 'own' | 'other', adminEmail: string) => {
    const admin = { db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, adminEmail) };
    const created = await createStrategy(admin, organisations[scope], { firstYear: 2027, lastYear: 2030 });
    if (!created.ok) throw new Error(created.error);
    for (const purpose of ['Koulutus tukee jäsenistöä.', 'Koulutus tukee jäsenistöä ja vapaaehtoisia.']) {
      const published = await publishCurrent(admin, organisations[scope], created.id, { ...emptyStrategy(), purpose });
      if (!published.ok) throw new Error(published.error);
    }
    return created.id;
  };
  strategyIds = { own: await strategyOf('own', 'paakayttaja@kll.example'), other: await strategyOf('other', 'paakayttaja@kyk.example') };
  // The demo's admin badge: each organisation's admin applies; B's application is approved, A's waits.
  badgeId = (await handle.db.select({ id: badges.id }).from(badges))[0]!.id;
  const badgeApplicationBy = async (email: string, organisationId: string) => {
    const result = await applyForBadge({ db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, email) }, { badgeId, organisationId, justification: 'Haen.' });
    if (!result.ok) throw new Error(result.error);
    return result.applicationId;
  };
  badgeApplicationIds = { own: await badgeApplicationBy('paakayttaja@kll.example', organisations.own), other: await badgeApplicationBy('paakayttaja@kyk.example', organisations.other) };
  const approved = await decideBadgeApplication(staff, { applicationId: badgeApplicationIds.other, approve: true, reason: '' }, { publicUrl: 'http://sivis.test' });
  if (!approved.ok || !approved.credentialId) throw new Error('badge not issued');
  credentialId = approved.credentialId;
  keyId = (await handle.db.select({ keyId: badgeSigningKeys.keyId }).from(badgeSigningKeys))[0]!.keyId;
  members = {
    own: (await actorByEmail(handle.db, 'kouluttaja2@kll.example')).userId,
    other: (await actorByEmail(handle.db, 'kouluttaja2@kyk.example')).userId,
  };
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

/** Every route of the app as "GET /path" (it has a loader) and "POST /path" (it has an action). */
function appRoutes(): string[] {
  const routes = server.build.routes;
  const fullPath = (id: string): string => {
    const route = routes[id]!;
    const parent = route.parentId ? fullPath(route.parentId) : '';
    return `${parent.replace(/\/$/, '')}/${route.path ?? ''}`.replace(/\/$/, '') || '/';
  };
  return Object.values(routes).flatMap((route) => {
    if (!route || route.id === 'root') return [];
    const path = fullPath(route.id);
    return [...(route.module.loader ? [`GET ${path}`] : []), ...(route.module.action ? [`POST ${path}`] : [])];
  });
}

describe('the access expectations table', () => {
  it('covers every route and method of the app', () => {
    const covered = new Set(accessExpectations.map((e) => e.route));
    expect(appRoutes().filter((route) => !covered.has(route))).toEqual([]);
  });

  it('names every action of the actions table', () => {
    const named = new Set(accessExpectations.flatMap((e) => e.actions));
    expect(actionNames.filter((action) => !named.has(action))).toEqual([]);
  });
});

// Routes the shared harnesses leave out, each with its reason.
const notBenchmarked: Record<string, string> = {
  'GET /logout': 'only redirects',
  'GET /organisations/:organisationId/users/:userId/approval': 'only a link back to the user list',
  'GET /organisations/:organisationId/images/:kind': 'a stored file, served as it is',
  'GET /centre/images/:kind': 'a stored file, served as it is',
  'GET /admin-application/:applicationId/pdf': 'a stored file, served as it is',
  'GET /organisations/:organisationId/trainings/:trainingId/expense-report/receipts/:receiptId': 'a stored file, served as it is',
  'GET /organisations/:organisationId/users/:userId/activation': 'only a link back to the user list',
  'GET /language': 'only redirects',
  // A line exists only in a proposal made in the proposal window; its page reads what the proposal page reads.
  'GET /organisations/:organisationId/hours/proposals/:year/lines/:lineId': 'the proposal page’s queries, for one line',
  'POST /organisations/:organisationId/hours/proposals/:year/lines/:lineId': 'the proposal page’s form, for one line',
  'GET /__test/clock': 'test only',
  'GET /*': 'the not-found page',
};
const withoutFormFields: Record<string, string> = {
  'POST /logout': 'a button with no fields',
  'POST /__test/clock': 'test only',
  'POST /*': 'the not-found page',
};

describe('the shared harnesses', () => {
  it('benchmark every page and action (npm run bench)', () => {
    const benchmarked = new Set(benchCases.map((c) => `${c.method} ${c.route}`));
    const missing = appRoutes().filter((route) => !benchmarked.has(route) && !notBenchmarked[route] && !(route.startsWith('POST') && withoutFormFields[route]));
    expect(missing).toEqual([]);
  });

  it('send bad input to every form (bad-input test)', () => {
    const tested = new Set(formCases.map((form) => `POST ${form.route}`));
    const missing = appRoutes().filter((route) => route.startsWith('POST') && !tested.has(route) && !withoutFormFields[route]);
    expect(missing).toEqual([]);
  });
});

function concretePath(pattern: string, scope: 'own' | 'other'): string {
  return pattern
    .replace(':organisationId/:file', `${organisations[scope]}/trainings.ics`)
    .replace(':credentialId/:file', `${credentialId}/badge.png`)
    .replace(':credentialId', credentialId)
    .replace(':badgeApplicationId', badgeApplicationIds[scope])
    .replace(':badgeId', badgeId)
    .replace(':list', '0')
    .replace(':keyId', keyId)
    .replace(':organisationId', organisations[scope])
    .replace('/feedback/:token', `/feedback/${feedbackToken}`)
    .replace(':token', cancelToken)
    .replace(':userId', members[scope])
    .replace(':kind', 'logo')
    .replace(':unitId', unitIds[scope])
    .replace(':staffId', staffId)
    .replace(':applicationId', applicationIds[scope])
    .replace(':announcementId', announcementIds[scope])
    .replace(':year', String(calendarYear))
    .replace(':eventId', calendarEventId)
    .replace(':file', feedFile)
    .replace(':decisionId', decisionIds[scope])
    .replace(':lineId', lineIds[scope])
    .replace(':receiptId', receiptIds[scope])
    .replace(':paymentId', paymentIds[scope])
    .replace(':format', 'pdf')
    .replace(':batchId', batchId)
    .replace(':modelId', modelIds[scope])
    .replace(':entryId', entries[scope].id)
    .replace(':strategyId', strategyIds[scope])
    .replace(':version', '2')
    .replace(':code', entries[scope].code)
    .replace(':trainingId', trainingIds[scope])
    .replace(':area', 'units')
    .replace('*', 'no-such-page');
}

describe.each(accessExpectations)('$route', (expectation) => {
  const [method, pattern] = expectation.route.split(' ') as ['GET' | 'POST', string];
  const scopes = 'own' in expectation.answers ? (['own', 'other'] as const) : (['own'] as const);
  for (const scope of scopes) {
    it.each(testRoles)(`%s, ${scope} organisation`, async (role) => {
      const answers = 'own' in expectation.answers ? expectation.answers[scope] : expectation.answers;
      const headers: Record<string, string> = { Origin: server.url };
      // A fresh session per request: signing out (one of the routes) revokes the one it uses.
      const userId = userIds.get(role);
      if (userId) headers.Cookie = await server.cookieFor(userId);
      if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(`${server.url}${concretePath(pattern, scope)}`, {
        method,
        headers,
        body: method === 'POST' ? '' : undefined,
        redirect: 'manual',
      });
      expect(response.status).toBe(answers[role]);
    });
  }
});
