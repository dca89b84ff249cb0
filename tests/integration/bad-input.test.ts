import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { seedDemoData } from '../../server/seed/demo';
import { saveCalendarEvent } from '../../server/calendar/events';
import { createYearCalendar } from '../../server/calendar/year-calendar';
import { createProposal, saveLineAsAdmin } from '../../server/hours/proposals';
import { eq } from 'drizzle-orm';
import { addDays, helsinkiDate } from '../../server/calendar/dates';
import { badgeCredentials, badges, organisations, portalSessions, trainings } from '../../server/db/schema';
import { issueCredential } from '../../server/badges/issue';
import { loadConfig } from '../../server/config';
import { emptyStrategy } from '../../server/strategy/content';
import { createStrategy } from '../../server/strategy/strategies';
import { publishCurrent } from '../support/strategy';
import { newLinkSecret } from '../../server/access/tokens';
import { portalCookie } from '../../app/http/portal.server';
import { approvedModelVersion } from '../support/models';
import { addParticipants, listParticipants } from '../../server/trainings/participants';
import { planSessions, savePlan } from '../../server/trainings/plans';
import { initialContent, saveExpenseReport } from '../../server/expenses/reports';
import { openTestDatabase } from '../support/database';
import { samplePlan } from '../support/trainings';
import { fingerprint } from '../support/fingerprint';
import { actorByEmail, demoOrgA, organisationIdByName, unitByName } from '../support/demo';
import { type TestServer, startTestServer } from '../support/http-app';
import type { TestRole } from './access-expectations';
import { type FormCase, type FormEnv, formCases } from './form-cases';

const emails: Partial<Record<TestRole, string>> = {
  org_admin: 'paakayttaja@kll.example',
  trainer: 'kouluttaja1@kll.example',
  centre_staff: 'asiantuntija@sivis.example',
  centre_admin: 'admin@sivis.example',
};
const scriptValue = '<script>alert("x")</script>';
const sqlValue = "x'; DROP TABLE users; --";

let handle: DatabaseHandle;
let server: TestServer;
let env: FormEnv;

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  server = await startTestServer(handle.db);
  env = {
    db: handle.db,
    clock: systemClock,
    organisationId: await organisationIdByName(handle.db, demoOrgA),
    unitId: (await unitByName(handle.db, 'Revontulten yhdistys')).id,
    // Forms about one user act on this trainer of organisation A.
    userId: (await actorByEmail(handle.db, 'kouluttaja3@kll.example')).userId,
    editedUnitId: (await unitByName(handle.db, 'Revontulten yhdistys')).id,
    staffId: (await actorByEmail(handle.db, 'asiantuntija@sivis.example')).userId,
    applicationId: '00000000-0000-4000-8000-000000000000',
    calendarYear: 2027,
    calendarEventId: '',
    proposalLineId: '',
    trainingId: '',
    publicTrainingId: '',
    cancelToken: '',
    heldTrainingId: '',
    heldSession: '',
    heldParticipantId: '',
    feedbackToken: '',
    reportTrainingId: '',
    batchId: '',
    modelId: '',
    resultsTrainingId: '',
    resultsParticipantId: '',
    portalEmail: 'tulos@example.test',
    strategyId: '',
    badgeId: '',
    credentialId: '',
    badgeJwt: '',
    badgeApplicationId: '00000000-0000-4000-8000-000000000000',
  };
  const staff = { db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, 'asiantuntija@sivis.example') };
  await createYearCalendar(staff, env.calendarYear, 'template');
  const ownEvent = { startsOn: '2027-06-01', endsOn: '', titleFi: 'Kesäpäivät', titleSv: '', titleEn: '', descriptionFi: '', descriptionSv: '', descriptionEn: '' };
  const saved = await saveCalendarEvent(staff, env.calendarYear, null, ownEvent);
  if (!saved.ok) throw new Error(saved.error);
  env.calendarEventId = saved.id;
  // Organisation A's proposal for 2027 with one line, made in the proposal window.
  const octoberAdmin = { db: handle.db, clock: { now: () => new Date('2026-10-10T09:00:00Z') }, actor: await actorByEmail(handle.db, 'paakayttaja@kll.example') };
  await createProposal(octoberAdmin, env.organisationId, env.calendarYear);
  const line = await saveLineAsAdmin(octoberAdmin, env.organisationId, env.calendarYear, null, { unitId: null, theme: 'Kuorot', hundredths: 1000, justification: '', delegated: false });
  if (!line.ok) throw new Error(line.error);
  env.proposalLineId = line.id;
  const trainer = { db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, 'kouluttaja1@kll.example') };
  const plan = await savePlan(trainer, env.organisationId, null, samplePlan(env.unitId, { name: 'Luonnos', sessions: [] }));
  if (!plan.ok) throw new Error(plan.error);
  env.trainingId = plan.id;
  // A public training a month from now, submitted (its hours are not what these forms test).
  const inAMonth = addDays(helsinkiDate(systemClock.now()), 30);
  const session = { ...samplePlan(env.unitId).sessions[0]!, date: inAMonth };
  const publicPlan = await savePlan(trainer, env.organisationId, null, samplePlan(env.unitId, { name: 'Avoin kurssi', isPublic: true, sessions: [session] }));
  if (!publicPlan.ok) throw new Error(publicPlan.error);
  await handle.db.update(trainings).set({ status: 'submitted' }).where(eq(trainings.id, publicPlan.id));
  env.publicTrainingId = publicPlan.id;
  // An ongoing training whose session was held a week ago, with one participant.
  const weekAgo = { ...samplePlan(env.unitId).sessions[0]!, date: addDays(helsinkiDate(systemClock.now()), -7) };
  const heldPlan = await savePlan(trainer, env.organisationId, null, samplePlan(env.unitId, { name: 'Käynnissä oleva kurssi', sessions: [weekAgo] }));
  if (!heldPlan.ok) throw new Error(heldPlan.error);
  await handle.db.update(trainings).set({ status: 'ongoing' }).where(eq(trainings.id, heldPlan.id));
  const added = await addParticipants(trainer, heldPlan.id, [{ name: 'Läsnä Olija', email: '', birthYear: 1980, municipality: 'Oulu', gender: null, firstTimeThisYear: true }]);
  if (!added.ok) throw new Error(added.error);
  env.heldTrainingId = heldPlan.id;
  env.heldSession = `${weekAgo.date}T${weekAgo.start}`;
  env.heldParticipantId = (await listParticipants(handle.db, heldPlan.id))[0]!.id;
  // A training that ended a week ago, with its expense report saved as a draft.
  const endedPlan = await savePlan(trainer, env.organisationId, null, samplePlan(env.unitId, { name: 'Päättynyt kurssi', sessions: [weekAgo] }));
  if (!endedPlan.ok) throw new Error(endedPlan.error);
  await handle.db.update(trainings).set({ status: 'ended' }).where(eq(trainings.id, endedPlan.id));
  const draft = await saveExpenseReport(trainer, endedPlan.id, initialContent(await planSessions(handle.db, endedPlan.id)));
  if (!draft.ok) throw new Error(draft.error);
  env.reportTrainingId = endedPlan.id;
  // A training based on an approved model that ended a week ago, with one participant who has an email.
  const modelVersionId = await approvedModelVersion(handle.db, env.organisationId, 'paakayttaja@kll.example');
  const resultsPlan = await savePlan(trainer, env.organisationId, null, samplePlan(env.unitId, { name: 'Mallin mukainen kurssi', sessions: [weekAgo] }));
  if (!resultsPlan.ok) throw new Error(resultsPlan.error);
  await handle.db.update(trainings).set({ status: 'ended', modelVersionId }).where(eq(trainings.id, resultsPlan.id));
  const person = await addParticipants(trainer, resultsPlan.id, [{ name: 'Tuula Tulos', email: env.portalEmail, birthYear: 1975, municipality: 'Oulu', gender: null, firstTimeThisYear: true }]);
  if (!person.ok) throw new Error(person.error);
  env.resultsTrainingId = resultsPlan.id;
  env.resultsParticipantId = (await listParticipants(handle.db, resultsPlan.id))[0]!.id;
  // Organisation A's training strategy with a published version; the staff member is its centre contact.
  const admin = { db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, 'paakayttaja@kll.example') };
  const strategy = await createStrategy(admin, env.organisationId, { firstYear: 2027, lastYear: 2030 });
  if (!strategy.ok) throw new Error(strategy.error);
  const published = await publishCurrent(admin, env.organisationId, strategy.id, { ...emptyStrategy(), purpose: 'Koulutus tukee jäsenyhdistyksiä.' });
  if (!published.ok) throw new Error(published.error);
  env.strategyId = strategy.id;
  await handle.db.update(organisations).set({ centreContactUserId: env.staffId }).where(eq(organisations.id, env.organisationId));
  // The demo's admin badge, issued to someone outside the organisations (revoked by the valid revocation).
  const [badge] = await handle.db.select().from(badges);
  env.badgeId = badge!.id;
  env.credentialId = await handle.db.transaction((tx) =>
    issueCredential({ db: tx, clock: systemClock }, { badge: badge!, recipient: { email: 'merkki@example.test', name: 'Merkin Saaja', language: 'fi' }, actorUserId: null, organisationId: null }, { publicUrl: loadConfig({}).publicUrl }),
  );
  env.badgeJwt = (await handle.db.select({ jwt: badgeCredentials.jwt }).from(badgeCredentials).where(eq(badgeCredentials.id, env.credentialId)))[0]!.jwt;
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

/** A fresh portal session of the address; its secret, as the cookie carries it. */
async function portalSessionFor(email: string) {
  const { token, hash } = newLinkSecret();
  await handle.db.insert(portalSessions).values({ tokenHash: hash, email, createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) });
  return token;
}

const encode = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();

/** Which of the fixture trainings a form acts on. */
function trainingFor(route: string) {
  if (route.startsWith('/training-calendar/')) return env.publicTrainingId;
  if (route.endsWith('/expense-report')) return env.reportTrainingId;
  if (route.endsWith('/results')) return env.resultsTrainingId;
  return route.endsWith('/attendance') ? env.heldTrainingId : env.trainingId;
}

async function submit(form: FormCase, body: string | Blob | FormData) {
  const headers: Record<string, string> = { Origin: server.url };
  // A FormData body sets its own multipart content type.
  if (!(body instanceof FormData)) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const email = emails[form.as];
  if (email) headers.Cookie = await server.cookieFor((await actorByEmail(handle.db, email)).userId);
  if (form.portalSession) headers.Cookie = await portalCookie.serialize(await portalSessionFor(env.portalEmail));
  const path = form.route.replace(':organisationId', env.organisationId).replace(':userId', env.userId).replace(':unitId', env.editedUnitId).replace(':staffId', env.staffId).replace(':applicationId', env.applicationId).replace(':year', String(env.calendarYear)).replace(':eventId', env.calendarEventId).replace(':lineId', env.proposalLineId).replace(':trainingId', trainingFor(form.route)).replace(':batchId', env.batchId).replace(':modelId', env.modelId).replace(':strategyId', env.strategyId).replace(':badgeId', env.badgeId).replace(':badgeApplicationId', env.badgeApplicationId).replace(':credentialId', env.credentialId).replace(':version', '1').replace(':token', form.route.startsWith('/feedback/') ? env.feedbackToken : env.cancelToken);
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers, body, redirect: 'manual' });
  return { status: response.status, html: await response.text() };
}

interface BadCase {
  label: string;
  field: string | null;
  body: string | Blob;
  /** Well-formed free text: may pass validation, so only harmlessness is asserted. */
  harmlessOnly?: boolean;
}

function badCases(form: FormCase, fresh: Record<string, string>): BadCase[] {
  const valid = Object.entries({ ...form.valid, ...fresh });
  const withField = (field: string, values: string[]) => encode([...valid.filter(([n]) => n !== field), ...values.map((v) => [field, v] as [string, string])]);
  const cases: BadCase[] = [{ label: 'an unknown field', field: null, body: encode([...valid, ['isAdmin', 'true']]) }];
  for (const [field, spec] of Object.entries(form.fields)) {
    if (spec.required) cases.push({ label: `${field} missing`, field, body: withField(field, []) });
    cases.push({ label: `${field} over-long`, field, body: withField(field, ['a'.repeat(spec.maxLength + 1)]) });
    cases.push({ label: `${field} given twice`, field, body: withField(field, [fresh[field] ?? form.valid[field] ?? 'a', 'b']) });
    if (spec.wrongKind) cases.push({ label: `${field} of the wrong kind`, field, body: withField(field, [spec.wrongKind]) });
    for (const [label, value] of [['markup', scriptValue], ['SQL-looking text', sqlValue]] as const) {
      cases.push({ label: `${field} with ${label}`, field, body: withField(field, [value]), harmlessOnly: spec.freeText });
    }
    const prefix = encode(valid.filter(([n]) => n !== field));
    cases.push({
      label: `${field} with invalid UTF-8`,
      field,
      body: new Blob([`${prefix}${prefix ? "&" : ""}${field}=ok`, new Uint8Array([0xc3, 0x28, 0xff])]),
    });
  }
  return cases;
}

const badCaseLabels = (form: FormCase) => badCases(form, Object.fromEntries(Object.keys(form.fields).map((f) => [f, 'x']))).map((c) => c.label);

describe.each(formCases)('the $name form', (form) => {
  it.each(badCaseLabels(form))('refuses %s without a 500, writing nothing, with an error shown', async (label) => {
    const fresh = (await form.prepare?.(env)) ?? {};
    const bad = badCases(form, fresh).find((c) => c.label === label)!;
    // Signing in (a session row, of a user or of the portal) is how a form is reached, not what it writes.
    const before = await fingerprint(handle.db, ['sessions', 'portal_sessions']);
    const { status, html } = await submit(form, bad.body);
    expect(status).toBeLessThan(500);
    expect(html).not.toContain(scriptValue);
    const after = await fingerprint(handle.db, ['sessions', 'portal_sessions']);
    if (bad.harmlessOnly) {
      // Well-formed free text may be accepted (and then stored verbatim): every table is still there.
      expect(Object.keys(after)).toEqual(Object.keys(before));
      return;
    }
    expect(after).toEqual(before);
    expect(status).toBe(400);
    const expectedText =
      typeof form.errorsShownAs === 'object'
        ? form.errorsShownAs.page
        : bad.field
          ? (form.fields[bad.field]!.errorText ?? `id="field-${bad.field}-error"`)
          : (form.unknownFieldText ?? 'Lomakkeessa oli tuntematon kenttä');
    expect(html).toContain(expectedText);
  });

  // Last, because it changes data (a password, a status): proves the harness drives a working form.
  it('accepts a valid submission', async () => {
    const fresh = (await form.prepare?.(env)) ?? {};
    const fields = Object.entries({ ...form.valid, ...fresh });
    let body: string | FormData = encode(fields);
    if (form.validFile) {
      body = new FormData();
      for (const [name, value] of fields) body.append(name, value);
      body.append(form.validFile.field, new Blob([new Uint8Array(form.validFile.content())], { type: form.validFile.type }), form.validFile.name);
    }
    const { status } = await submit(form, body);
    expect(status).toBe(form.validStatus);
  });
});
