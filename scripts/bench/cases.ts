/**
 * The pages and actions `npm run bench` measures. Registering one is one line: its name,
 * who requests it, and its path (from the fixtures the runner looks up on the server).
 */
import { demoPassword } from '../../server/seed/demo';
import { makePng } from '../../server/organisations/sample-images';

export const benchUsers = {
  anonymous: null,
  centreAdmin: 'admin@sivis.example',
  centreStaff: 'asiantuntija@sivis.example',
  orgAdmin: 'paakayttaja@kll.example',
  coordinator: 'yhteyshenkilo@kll.example',
  trainer: 'kouluttaja1@kll.example',
} as const;
/**
 * People of the generated data the runner signs in as, found through the pages: the open course's
 * trainer and an admin of its organisation (with the generated staff password), and one of its
 * participants signed in to the portal by an emailed link (the cookie is the portal's own).
 */
export const generatedBenchUsers = ['courseTrainer', 'courseAdmin', 'participant'] as const;
export type BenchUser = keyof typeof benchUsers | (typeof generatedBenchUsers)[number];

export interface Fixtures {
  /** The org admin's own demo organisation. */
  organisationId: string;
  /** The organisation with the most users (a generated one when generated data is present). */
  largestOrganisationId: string;
  /** The demo coordinator's unit, and an active participant, of the demo organisation. */
  unitId: string;
  userId: string;
  /** The demo organisation's business ID, so that saving its profile changes nothing. */
  businessId: string;
  /** The coordinator of `unitId`, so that assigning them again is refused every time. */
  coordinatorId: string;
  /** A centre staff member (whose contact details are edited). */
  staffId: string;
  /** The demo trainer's draft admin application. */
  applicationId: string;
  /** The demo organisation's only admin (who may not leave). */
  orgAdminId: string;
  /** The hash shown with the draft application, so that signing reaches the password check. */
  reviewedSha256: string;
  /** This year, whose calendar the runner creates if missing, and one of its events. */
  year: string;
  calendarEventId: string;
  /** An announcement to the demo organisation's admins (sent by the runner if there is none). */
  announcementId: string;
  /** The org admin's iCalendar feed, "<token>.ics". */
  feedFile: string;
  /** A decision on the demo organisation's hours for `year` (a draft made by the runner if none). */
  decisionId: string;
  /** A training plan of the demo trainer (a draft made by the runner if they have none). */
  trainingId: string;
  /** A training in the public calendar (of the generated data: the runner looks over every year). */
  publicTrainingId: string;
  /** An approved 2025 training of the largest organisation (generated, with its participants). */
  heldTrainingId: string;
  /** The 2025 training of the largest organisation with the most feedback answers (from its feedback summary). */
  feedbackTrainingId: string;
  /** An ended 2025 training (the largest organisation's if it has one): its sessions are open for attendance. */
  endedTrainingId: string;
  endedOrganisationId: string;
  /** Its first session as its attendance page's address names it, encoded ("2025-03-04T17%3A00"). */
  attendanceSession: string;
  /** The generated payment batch with the most payments (not a cancelled one: its file is refused). */
  batchId: string;
  /** A paid batch (the largest), on which marking paid or cancelling is refused every time. */
  paidBatchId: string;
  /** The largest organisation's biggest payment (another organisation's biggest in `batchId` if it has none), and that organisation. */
  paymentId: string;
  paymentOrganisationId: string;
  /** A training model of the largest organisation whose latest version is approved (another organisation's if it has none), and that organisation. */
  modelId: string;
  modelOrganisationId: string;
  /** The generated open course (an ended training on a model, some 860 people and 560 register entries at scale 1) and its organisation. */
  courseTrainingId: string;
  courseOrganisationId: string;
  /** The generated training strategy with the most versions (of the largest organisation if it has one), its organisation and latest version. */
  strategyId: string;
  strategyOrganisationId: string;
  strategyVersion: string;
  /** The demo organisation's strategy (made by the runner if it has none), which its admin writes. */
  ownStrategyId: string;
  /** A participant of the open course whose result is marked (all are), so that marking or correcting it is refused. */
  markedParticipantId: string;
  /** The portal participant's register entry, and its certificate's code; a well-formed code nobody was given. */
  entryId: string;
  genuineCode: string;
  unknownCode: string;
  /** Another participant of the open course, whose sign-in link the portal's form asks for. */
  portalRequestEmail: string;
  /** An unused sign-in link of the portal participant (asked again just before its case: a link lasts 15 minutes). */
  portalLinkToken: string;
  /** A consent link's secret from the outbox (made only when a selected case needs it, see run.ts; '' otherwise). */
  consentToken: string;
  /** The badge the demo's admins apply for (which the org admin has applied for or holds, so that applying again is refused). */
  badgeId: string;
  /** A decided application for a badge (the runner approves the first waiting one if there is one). */
  badgeApplicationId: string;
  /** The newest issued credential, and its VC-JWT as its recipient downloads it. */
  credentialId: string;
  badgeJwt: string;
  /** The issuer's signing key (its id, from the issuer profile). */
  keyId: string;
}

export interface BenchCase {
  name: string;
  method: 'GET' | 'POST';
  as: BenchUser;
  /** The route pattern, as in app/routes.ts ("/organisations/:organisationId"). */
  route: string;
  /** Values for the pattern's parameters, from the fixtures; defaults to the fixture of the same name. */
  params?: (f: Fixtures) => Record<string, string>;
  /** The query string (":name" takes a fixture, as in the route). */
  query?: string;
  /** A form body (":name" takes a fixture), or a multipart upload with one file. */
  body?: string | { fields: Record<string, string>; file: { field: string; name: string; type: string; content: () => Uint8Array } };
  /** The answer every request must get; anything else counts as an error. */
  expectStatus: number;
  /** Lower for deliberately expensive actions (password hashing). */
  concurrency?: number;
  /** Longer than --duration for requests that take seconds (a batch of certificates), so that there are several. */
  durationSeconds?: number;
  /**
   * Each request from an address of its own (X-Forwarded-For, which the server trusts from loopback):
   * a public page that counts requests per address would refuse one client's load after a few dozen.
   */
  distinctClients?: boolean;
  /** Fixtures the runner makes again just before the case (they expire). */
  fresh?: (keyof Fixtures)[];
}

export const baselineName = 'trivial page (/healthz)';

const page = (name: string, as: BenchUser, route: string, extra: Pick<BenchCase, 'params' | 'query'> = {}): BenchCase => ({
  name,
  method: 'GET',
  as,
  route,
  expectStatus: 200,
  ...extra,
});
const action = (name: string, as: BenchUser, route: string, body: NonNullable<BenchCase['body']>, expectStatus: number, concurrency?: number): BenchCase => ({
  name,
  method: 'POST',
  as,
  route,
  body,
  expectStatus,
  ...(concurrency ? { concurrency } : {}),
});
/** A 400 × 200 PNG uploaded as the logo of an images page. */
const logoUpload = (name: string, as: BenchUser, route: string) =>
  action(name, as, route, { fields: { kind: 'logo' }, file: { field: 'file', name: 'logo.png', type: 'image/png', content: () => makePng(400, 200) } }, 200);
const firstEvent = { params: (f: Fixtures) => ({ eventId: f.calendarEventId }) };
const publicTraining = { params: (f: Fixtures) => ({ trainingId: f.publicTrainingId }) };
/** Well-formed (43 characters, as the links carry) but never issued. */
const unknownCancelToken = { params: () => ({ token: `bench_${'0'.repeat(37)}` }) };
const unknownFeedbackToken = { params: () => ({ token: `bench_feedback_${'0'.repeat(28)}` }) };
// The generated trainings lie in 2022–2025 (anchored at 2026-01-01): from today on, the calendar shows none of them.
const everyYear = 'from=2022-01-01';
const largest = { params: (f: Fixtures) => ({ organisationId: f.largestOrganisationId }) };
const heldTraining = { params: (f: Fixtures) => ({ organisationId: f.largestOrganisationId, trainingId: f.heldTrainingId }) };
const paidBatch = { params: (f: Fixtures) => ({ batchId: f.paidBatchId }) };
const approvedModel = { params: (f: Fixtures) => ({ organisationId: f.modelOrganisationId, modelId: f.modelId }) };
const openCourse = { params: (f: Fixtures) => ({ organisationId: f.courseOrganisationId, trainingId: f.courseTrainingId }) };
const resultsRoute = '/organisations/:organisationId/trainings/:trainingId/results';
const generatedStrategy = { params: (f: Fixtures) => ({ organisationId: f.strategyOrganisationId, strategyId: f.strategyId, version: f.strategyVersion }) };
const ownStrategy = { params: (f: Fixtures) => ({ strategyId: f.ownStrategyId }) };
const statisticsYears = 'firstYear=2024&lastYear=2025';
/** Well-formed link secrets (43 characters) never issued. */
const unknownConsentToken = { params: () => ({ token: `bench_consent_${'0'.repeat(29)}` }) };
const unknownPortalToken = { params: () => ({ token: `bench_portal_${'0'.repeat(30)}` }) };
const specification = (format: 'pdf' | 'csv') => ({ params: (f: Fixtures) => ({ organisationId: f.paymentOrganisationId, paymentId: f.paymentId, format }) });

/** Replaces :name with the fixture of that name (or the case's own params). */
export function withFixtures(text: string, benchCase: BenchCase, fixtures: Fixtures): string {
  const values: Record<string, string> = { ...fixtures, ...benchCase.params?.(fixtures) };
  return text.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`No fixture for :${name} in ${benchCase.name}`);
    return value;
  });
}

/** The concrete URL path of a case. */
export function benchPath(benchCase: BenchCase, fixtures: Fixtures): string {
  const path = withFixtures(benchCase.route, benchCase, fixtures);
  return benchCase.query ? `${path}?${withFixtures(benchCase.query, benchCase, fixtures)}` : path;
}

export const benchCases: BenchCase[] = [
  page(baselineName, 'anonymous', '/healthz'),
  page('sign-in page', 'anonymous', '/login'),
  page('front page, org admin', 'orgAdmin', '/'),
  page('front page, centre staff', 'centreStaff', '/'),
  page('organisation list, centre staff', 'centreStaff', '/organisations'),
  page('organisation search, centre staff', 'centreStaff', '/organisations', { query: 'q=liitto' }),
  page('organisation page, org admin', 'orgAdmin', '/organisations/:organisationId'),
  page('organisation page, coordinator', 'coordinator', '/organisations/:organisationId'),
  page('largest organisation page, centre staff', 'centreStaff', '/organisations/:organisationId', largest),
  page('largest organisation users, centre staff', 'centreStaff', '/organisations/:organisationId/users', largest),
  page('organisation users, coordinator', 'coordinator', '/organisations/:organisationId/users'),
  page('user list filtered, org admin', 'orgAdmin', '/organisations/:organisationId/users', { query: 'status=active&role=trainer' }),
  page('invitation form, org admin', 'orgAdmin', '/organisations/:organisationId/invite'),
  page('organisation profile form, org admin', 'orgAdmin', '/organisations/:organisationId/profile'),
  page('logo and signature page, org admin', 'orgAdmin', '/organisations/:organisationId/images'),
  page('unit management, org admin', 'orgAdmin', '/organisations/:organisationId/units'),
  page('centre settings, centre admin', 'centreAdmin', '/centre'),
  page('admin application page, trainer', 'trainer', '/admin-application'),
  page('own admin application, trainer', 'trainer', '/admin-application/:applicationId'),
  page('admin application PDF, trainer', 'trainer', '/admin-application/:applicationId/pdf'),
  page('admin application queue, centre staff', 'centreStaff', '/admin-applications'),
  page('admin application review, centre staff', 'centreStaff', '/admin-applications/:applicationId'),
  page('admin role page, org admin', 'orgAdmin', '/organisations/:organisationId/admin-role'),
  page('contacts, org admin', 'orgAdmin', '/contacts'),
  page('staff contact form, centre admin', 'centreAdmin', '/contacts/:staffId'),
  page('help pages, trainer', 'trainer', '/help'),
  page('help on units, org admin', 'orgAdmin', '/help/:area', { params: () => ({ area: 'units' }) }),
  page('centre logo and signature, centre admin', 'centreAdmin', '/centre/images'),
  page('new organisation form, centre staff', 'centreStaff', '/organisations/new'),
  page('ending a membership (page), centre staff', 'centreStaff', '/organisations/:organisationId/membership'),
  page('unit page, org admin', 'orgAdmin', '/organisations/:organisationId/units/:unitId'),
  page('own account, trainer', 'trainer', '/account'),
  page('registration form', 'anonymous', '/register'),
  page('email verification link (unknown token)', 'anonymous', '/verify-email', { query: 'token=unknown' }),
  page('forgotten password form', 'anonymous', '/forgot-password'),
  page('password reset link (unknown token)', 'anonymous', '/reset-password', { query: 'token=unknown' }),
  page('invitation link (unknown token)', 'anonymous', '/invitation', { query: 'token=unknown' }),
  page('sign-in blocks, centre staff', 'centreStaff', '/sign-in-blocks'),
  page('outbox, centre staff', 'centreStaff', '/outbox'),
  page('hour decisions, centre staff', 'centreStaff', '/hours'),
  page('an organisation’s hour decision, centre staff', 'centreStaff', '/hours/:year/organisations/:organisationId'),
  page('hour decision PDF, centre staff', 'centreStaff', '/hours/decisions/:decisionId/pdf'),
  page('teaching hours, org admin', 'orgAdmin', '/organisations/:organisationId/hours'),
  // The generated data's completed year (the generator anchors its history at 2026).
  page('teaching hours of the largest organisation in 2025, centre staff', 'centreStaff', '/organisations/:organisationId/hours', { ...largest, query: 'year=2025' }),
  page('teaching hours of a unit, coordinator', 'coordinator', '/organisations/:organisationId/hours/:unitId'),
  page('next year’s hour proposal, org admin', 'orgAdmin', '/organisations/:organisationId/hours/proposals/:year', { params: (f) => ({ year: String(Number(f.year) + 1) }) }),
  page('additional hours and returns, org admin', 'orgAdmin', '/organisations/:organisationId/hours/requests'),
  // Generated data: the anchor year's submitted proposals and the completed year's applications and returns.
  page('submitted proposal of the largest organisation, centre staff', 'centreStaff', '/organisations/:organisationId/hours/proposals/:year', {
    params: (f) => ({ organisationId: f.largestOrganisationId, year: '2026' }),
  }),
  page('applications of the largest organisation in 2025, centre staff', 'centreStaff', '/organisations/:organisationId/hours/requests', { ...largest, query: 'year=2025' }),
  page('additional-hour applications, centre staff', 'centreStaff', '/hours/requests'),
  page('annual calendar, org admin', 'orgAdmin', '/calendar'),
  page('annual calendar, centre staff', 'centreStaff', '/calendar'),
  page('calendar subscription page, trainer', 'trainer', '/calendar/subscription'),
  page('iCalendar feed', 'anonymous', '/calendar/feed/:file', { params: (f) => ({ file: f.feedFile }) }),
  page('new calendar event form, centre staff', 'centreStaff', '/calendar/:year/events/new'),
  page('calendar event form, centre staff', 'centreStaff', '/calendar/:year/events/:eventId', firstEvent),
  page('trainings, trainer', 'trainer', '/trainings'),
  page('trainings this year, centre staff', 'centreStaff', '/trainings'),
  // Generated data: about 20,000 trainings over the years; every year, searched and sorted by hours.
  page('trainings of every year searched and sorted, centre staff', 'centreStaff', '/trainings', { query: 'year=all&q=kurssi&sort=hours&dir=desc' }),
  page('trainings of every year by name, page 3, centre staff', 'centreStaff', '/trainings', { query: 'year=all&sort=name&page=3' }),
  page('new training plan form, trainer', 'trainer', '/organisations/:organisationId/trainings/new'),
  page('training plan, trainer', 'trainer', '/organisations/:organisationId/trainings/:trainingId'),
  page('participants of a plan, trainer', 'trainer', '/organisations/:organisationId/trainings/:trainingId/participants'),
  page('participants of a held training of the largest organisation, centre staff', 'centreStaff', '/organisations/:organisationId/trainings/:trainingId/participants', heldTraining),
  page('attendance of a held training of the largest organisation, centre staff', 'centreStaff', '/organisations/:organisationId/trainings/:trainingId/attendance', heldTraining),
  // Open for ticking (ended, not yet reported): the phone-sized list of the registered participants.
  page('attendance sheet of a session of an ended training, centre staff', 'centreStaff', '/organisations/:organisationId/trainings/:trainingId/attendance', {
    params: (f) => ({ organisationId: f.endedOrganisationId, trainingId: f.endedTrainingId }),
    query: 'session=:attendanceSession',
  }),
  page('feedback of a training of the largest organisation, centre staff', 'centreStaff', '/organisations/:organisationId/trainings/:trainingId/feedback', {
    params: (f) => ({ organisationId: f.largestOrganisationId, trainingId: f.feedbackTrainingId }),
  }),
  page('feedback of the largest organisation in 2025, centre staff', 'centreStaff', '/organisations/:organisationId/feedback', { ...largest, query: 'year=2025' }),
  // The generated approved report of the held training: its content, calculation, receipts and history.
  page('expense report of an approved training of the largest organisation, centre staff', 'centreStaff', '/organisations/:organisationId/trainings/:trainingId/expense-report', heldTraining),
  page('expense report of a trainer’s own training (not ended), trainer', 'trainer', '/organisations/:organisationId/trainings/:trainingId/expense-report'),
  page('expense report versions of an approved training, centre staff', 'centreStaff', '/organisations/:organisationId/trainings/:trainingId/expense-report/versions', heldTraining),
  page('expense reports waiting for review, centre staff', 'centreStaff', '/expense-reports'),
  page('approved expense reports of 2025, audited only, centre staff', 'centreStaff', '/expense-reports', { query: 'status=approved&year=2025&audit=1' }),
  page('support of the largest organisation in 2025, centre staff', 'centreStaff', '/organisations/:organisationId/support', { ...largest, query: 'year=2025' }),
  page('support of the demo organisation, coordinator', 'coordinator', '/organisations/:organisationId/support'),
  page('marketing kit, org admin', 'orgAdmin', '/organisations/:organisationId/marketing'),
  // Generated data: some 23 batches over three years, the support waiting for the next one, and the largest batch (a payment per organisation).
  page('payment batches and the support waiting, centre staff', 'centreStaff', '/payment-batches'),
  page('payment batch with the most payments, centre staff', 'centreStaff', '/payment-batches/:batchId'),
  // Every download is counted and audited: the batch's export count grows.
  page('payment file (pain.001) of the largest batch, centre staff', 'centreStaff', '/payment-batches/:batchId/xml'),
  page('payment specification PDF of the largest organisation, centre staff', 'centreStaff', '/organisations/:organisationId/support/payments/:paymentId/:format', specification('pdf')),
  page('payment specification CSV of the largest organisation, centre staff', 'centreStaff', '/organisations/:organisationId/support/payments/:paymentId/:format', specification('csv')),
  // Generated data: a third of the organisations have 1–4 training models, some 10–30 of them waiting for staff.
  page('training models waiting for review, centre staff', 'centreStaff', '/models'),
  page('training models of the largest organisation, centre staff', 'centreStaff', '/organisations/:organisationId/models', largest),
  page('training models of the demo organisation, org admin', 'orgAdmin', '/organisations/:organisationId/models'),
  page('approved training model of the largest organisation, centre staff', 'centreStaff', '/organisations/:organisationId/models/:modelId', approvedModel),
  page('new training model form, org admin', 'orgAdmin', '/organisations/:organisationId/models/new'),
  // Generated data: 60 % of the organisations have a strategy for 2024–2027 (some also 2020–2023) with 1–3 versions.
  page('training strategies of an organisation, centre staff', 'centreStaff', '/organisations/:organisationId/strategies', generatedStrategy),
  page('training strategy with its versions, centre staff', 'centreStaff', '/organisations/:organisationId/strategies/:strategyId', generatedStrategy),
  page('training strategy being written (draft form), org admin', 'orgAdmin', '/organisations/:organisationId/strategies/:strategyId', ownStrategy),
  page('training strategy version with comments, centre staff', 'centreStaff', '/organisations/:organisationId/strategies/:strategyId/versions/:version', generatedStrategy),
  page('training strategy version as PDF, centre staff', 'centreStaff', '/organisations/:organisationId/strategies/:strategyId/versions/:version/pdf', generatedStrategy),
  page('changes between the latest two strategy versions, centre staff', 'centreStaff', '/organisations/:organisationId/strategies/:strategyId/diff', generatedStrategy),
  // Statistics over the generated years 2024–2025: every breakdown, the hour use and the charts on each page.
  page('statistics of the largest organisation, centre staff', 'centreStaff', '/organisations/:organisationId/statistics', { ...largest, query: statisticsYears }),
  page('statistics of the own organisation, org admin', 'orgAdmin', '/organisations/:organisationId/statistics', { query: statisticsYears }),
  page('statistics of the own units, coordinator', 'coordinator', '/organisations/:organisationId/statistics', { query: statisticsYears }),
  page('statistics of the centre, centre staff', 'centreStaff', '/statistics', { query: statisticsYears }),
  page('statistics table by organisation as CSV, centre staff', 'centreStaff', '/statistics/export', { query: `${statisticsYears}&table=organisations&format=csv` }),
  page('statistics table by unit as XLSX, centre staff', 'centreStaff', '/organisations/:organisationId/statistics/export', { ...largest, query: `${statisticsYears}&table=units&format=xlsx` }),
  page('statistics: yearly report to the authorities, form, centre staff', 'centreStaff', '/statistics/report'),
  page('statistics: yearly report to the authorities as XLSX, centre staff', 'centreStaff', '/statistics/report/download', { query: 'year=2025&format=xlsx' }),
  { ...page('statistics with a year of the wrong kind (refused), centre staff', 'centreStaff', '/statistics', { query: 'firstYear=20x5' }), expectStatus: 400 },
  // Badges: the demo's admin badge (the org admin has applied or holds it), the generated applications and credentials, and the public documents.
  page('badges, centre staff', 'centreStaff', '/badges'),
  page('new badge form, centre admin', 'centreAdmin', '/badges/new'),
  page('badge form, centre admin', 'centreAdmin', '/badges/:badgeId'),
  page('badge applications, centre staff', 'centreStaff', '/badges/applications'),
  page('a decided badge application, centre staff', 'centreStaff', '/badges/applications/:badgeApplicationId'),
  page('issued badge credentials, centre staff', 'centreStaff', '/badges/issued'),
  page('an issued badge credential, centre staff', 'centreStaff', '/badges/issued/:credentialId'),
  page('own badges, org admin', 'orgAdmin', '/organisations/:organisationId/badges'),
  page('public badge issuer profile', 'anonymous', '/badges/issuer'),
  page('public badge signing key (JWK)', 'anonymous', '/badges/keys/:keyId'),
  page('public badge achievement page', 'anonymous', '/badges/achievements/:badgeId'),
  page('public badge image', 'anonymous', '/badges/achievements/:badgeId/image.png'),
  page('public badge achievement as JSON-LD', 'anonymous', '/badges/achievements/:badgeId/achievement.json'),
  page('public badge credential page', 'anonymous', '/badges/credentials/:credentialId'),
  // The badge image with the credential baked in, made on each request.
  page('baked badge image of a credential', 'anonymous', '/badges/credentials/:credentialId/:file', { params: () => ({ file: 'badge.png' }) }),
  // Signed on each request, with every revoked position of the list read.
  page('badge revocation status list (signed)', 'anonymous', '/badges/status/:list', { params: () => ({ list: '0' }) }),
  page('badge verification form', 'anonymous', '/badges/verify'),
  // Generated data: the open course's results (every participant marked) and the certificates of its register entries.
  page('results of the open course, its trainer', 'courseTrainer', resultsRoute, openCourse),
  page('results of the open course, org admin', 'courseAdmin', resultsRoute, openCourse),
  // One PDF of all its certificates (a page each): seconds a request, so one at a time for longer.
  { ...page('certificates of the open course (PDF, one a page), org admin', 'courseAdmin', '/organisations/:organisationId/trainings/:trainingId/certificates', openCourse), concurrency: 1, durationSeconds: 40 },
  page('verification page', 'anonymous', '/verify'),
  { ...page('verifying a genuine certificate by its QR code', 'anonymous', '/verify/:code', { params: (f) => ({ code: f.genuineCode }) }), distinctClients: true },
  { ...page('verifying a code nobody was given', 'anonymous', '/verify/:code', { params: (f) => ({ code: f.unknownCode }) }), distinctClients: true },
  page('consent link page', 'anonymous', '/study-register/consent/:token', { params: (f) => ({ token: f.consentToken }) }),
  page('participant portal, sign-in form', 'anonymous', '/portal'),
  { ...page('portal sign-in link page', 'anonymous', '/portal/sign-in/:token', { params: (f) => ({ token: f.portalLinkToken }) }), fresh: ['portalLinkToken'] },
  page('participant portal, signed in', 'participant', '/portal'),
  page('own certificate (PDF), portal', 'participant', '/portal/certificates/:entryId'),
  page('own data (JSON), portal', 'participant', '/portal/data'),
  page('public calendar from today, anonymous', 'anonymous', '/training-calendar'),
  page('public calendar of every year, anonymous', 'anonymous', '/training-calendar', { query: everyYear }),
  page('public calendar of every year searched in a region, page 2', 'anonymous', '/training-calendar', { query: `${everyYear}&q=kurssi&region=uusimaa&page=2` }),
  // One request at a time, so that its latency is the server's time for the page (the target: under 100 ms at scale 1).
  { ...page('public calendar of every year, one at a time', 'anonymous', '/training-calendar', { query: everyYear }), concurrency: 1 },
  page('public training page', 'anonymous', '/training-calendar/:trainingId', publicTraining),
  page('public JSON feed of the largest organisation', 'anonymous', '/training-calendar/feeds/:organisationId/:file', { params: (f) => ({ organisationId: f.largestOrganisationId, file: 'trainings.json' }) }),
  page('public iCalendar feed of the largest organisation', 'anonymous', '/training-calendar/feeds/:organisationId/:file', { params: (f) => ({ organisationId: f.largestOrganisationId, file: 'trainings.ics' }) }),
  // The runner uploads one if the demo organisation has none.
  page('public logo of an organisation', 'anonymous', '/training-calendar/logos/:organisationId'),
  page('public privacy notice', 'anonymous', '/privacy'),
  { ...page('public cancel page, unknown token', 'anonymous', '/registrations/:token', unknownCancelToken), expectStatus: 404 },
  { ...page('feedback form, unknown token', 'anonymous', '/feedback/:token', unknownFeedbackToken), expectStatus: 404 },
  page('announcements, org admin', 'orgAdmin', '/announcements'),
  page('announcement, org admin', 'orgAdmin', '/announcements/:announcementId'),
  page('new announcement form, centre staff', 'centreStaff', '/announcements/new'),
  page('audit log, centre admin', 'centreAdmin', '/audit'),
  action('language switch', 'orgAdmin', '/language', 'language=fi&redirectTo=%2F', 302),
  // Actions are measured on paths that leave the data as it was (or only add an outbox row).
  action('registration with a taken address (scrypt)', 'anonymous', '/register', `name=Bench&email=kouluttaja1%40kll.example&password=pitka-salasana-1&confirmPassword=pitka-salasana-1&unitId=:unitId`, 200, 2),
  action('email verification, unknown token', 'anonymous', '/verify-email', 'token=unknown', 400),
  action('password reset request, unknown address', 'anonymous', '/forgot-password', 'email=ei-ole%40example.fi', 200),
  action('password reset, unknown token (scrypt)', 'anonymous', '/reset-password', 'token=unknown&password=pitka-salasana-1&confirmPassword=pitka-salasana-1', 400, 2),
  action('invitation acceptance, unknown token (scrypt)', 'anonymous', '/invitation', 'token=unknown&password=pitka-salasana-1&confirmPassword=pitka-salasana-1', 400, 2),
  action('invitation of someone who has the role', 'orgAdmin', '/organisations/:organisationId/invite', 'email=yhteyshenkilo%40kll.example&name=x&unitId=:unitId&role=unit_coordinator', 400),
  action('approval of an active user (refused)', 'orgAdmin', '/organisations/:organisationId/users/:userId/approval', 'intent=approve', 409),
  action('reactivation of an active user (refused)', 'orgAdmin', '/organisations/:organisationId/users/:userId/activation', 'intent=reactivate', 409),
  action(
    'saving the organisation profile, org admin',
    'orgAdmin',
    '/organisations/:organisationId/profile',
    'name=Kansanliikkeiden+Liitto+ry&businessId=:businessId&streetAddress=Harjoituskatu+5&postalCode=00100&city=Helsinki&contactName=Kaija+Kuvitelma&contactEmail=kaija%40example.fi&contactPhone=%2B358+40+123+4567&website=https%3A%2F%2Fwww.example.fi&iban=FI2112345600000785&bic=NDEAFIHH&membershipStart=2019-01-01&internalRules=Piirit+kouluttavat.',
    200,
  ),
  logoUpload('logo upload (PNG 400 × 200), org admin', 'orgAdmin', '/organisations/:organisationId/images'),
  action('creating a unit under an unknown parent (refused)', 'orgAdmin', '/organisations/:organisationId/units', 'intent=create&name=Bench&kind=association&parentId=00000000-0000-4000-8000-000000000000', 400),
  action('saving a unit unchanged', 'orgAdmin', '/organisations/:organisationId/units/:unitId', 'intent=update&name=Pohjoisen+piiri&kind=district&trainsWithCentre=yes&active=yes', 200),
  action('moving a unit to where it is', 'orgAdmin', '/organisations/:organisationId/units/:unitId', 'intent=move&parentId=', 200),
  action('assigning its coordinator again (refused)', 'orgAdmin', '/organisations/:organisationId/units/:unitId', 'intent=assignCoordinator&userId=:coordinatorId', 400),
  action('saving centre settings', 'centreAdmin', '/centre', 'intent=settings&name=Opintokeskus+Sivis&businessId=0737546-2&address=Esimerkkikatu+1%2C+00100+Helsinki&iban=&bic=', 200),
  action('saving a year’s support rules', 'centreAdmin', '/centre', 'intent=rules&year=2027&hourlyRate=35&costCapPercent=55&peerGroupRate=3&minTeachingHours=1&minParticipants=7&minParticipantAge=15&peerMinMembers=5&peerMinHours=10&forbiddenWords=kokous%2C+retki%2C+leiri&auditSharePercent=10', 200),
  logoUpload('centre logo upload (PNG 400 × 200)', 'centreAdmin', '/centre/images'),
  action('new organisation with a taken business ID (refused)', 'centreStaff', '/organisations/new', 'name=Bench&businessId=:businessId&adminName=Bench&adminEmail=bench%40example.fi', 400),
  action('ending a membership unconfirmed (refused)', 'centreStaff', '/organisations/:organisationId/membership', 'confirm=no', 400),
  action('saving a staff member’s contact details', 'centreAdmin', '/contacts/:staffId', 'title=Asiantuntija&responsibilities=Kulttuurij%C3%A4rjest%C3%B6t&phone=%2B358+40+765+4321', 200),
  action('second admin application (refused)', 'trainer', '/admin-application', 'organisationId=:organisationId&justification=Bench&acceptDuties=yes', 400),
  action('signing with a wrong password (scrypt, refused)', 'trainer', '/admin-application/:applicationId', 'reviewedSha256=:reviewedSha256&password=wrong-password', 400, 2),
  action('deciding an unsigned application (refused)', 'centreStaff', '/admin-applications/:applicationId', 'intent=approve&reason=', 409),
  action('hour budget in a wrong form (refused)', 'centreStaff', '/hours', 'intent=budget&hours=abc', 400),
  action('peer quota beyond the budget (refused)', 'centreStaff', '/hours/:year/organisations/:organisationId', 'intent=quota&hours=999999', 400),
  action('allocating more than the pool holds (refused)', 'orgAdmin', '/organisations/:organisationId/hours', 'intent=allocate&unitId=:unitId&hours=999999', 400),
  action('proposal line in a wrong form (refused)', 'orgAdmin', '/organisations/:organisationId/hours/proposals/:year', 'intent=addLine&hours=abc', 400),
  action('application for hours in a wrong form (refused)', 'orgAdmin', '/organisations/:organisationId/hours/requests', 'intent=apply&hours=abc&justification=x', 400),
  action('creating a calendar that exists (refused)', 'centreStaff', '/calendar', 'intent=create&source=template', 409),
  { ...action('calendar event ending before it starts (refused)', 'centreStaff', '/calendar/:year/events/:eventId', 'intent=save&startsOn=:year-10-31&endsOn=:year-10-01', 400), ...firstEvent },
  action('new calendar event outside the year (refused)', 'centreStaff', '/calendar/:year/events/new', 'intent=save&startsOn=2000-01-01&titleFi=Bench', 400),
  action('renewing the feed address, trainer', 'trainer', '/calendar/subscription', 'intent=create', 200),
  action(
    'training plan with a session ending before it starts (refused)',
    'trainer',
    '/organisations/:organisationId/trainings/:trainingId',
    'intent=save&unitId=00000000-0000-4000-8000-000000000000&name=Bench&type=course&mode=onSite&topicClass=culture&plannedParticipants=10&sessionDate=:year-12-30&sessionStart=18%3A00&sessionEnd=17%3A00&sessionBreak=0&sessionPlace=Seurantalo&sessionLink=',
    400,
  ),
  action('new training plan without a name (refused)', 'trainer', '/organisations/:organisationId/trainings/new', 'intent=save&name=&type=course&mode=onSite&topicClass=culture&plannedParticipants=10', 400),
  {
    ...action('public registration without consent (refused)', 'anonymous', '/training-calendar/:trainingId', 'name=Bench&email=bench%40example.test&birthYear=1980&municipality=Tampere&gender=&firstTimeThisYear=yes', 400),
    ...publicTraining,
  },
  // Confirmed as the page's button does, so that the token is looked up.
  { ...action('public cancellation, unknown token (refused)', 'anonymous', '/registrations/:token', 'confirm=yes', 404), ...unknownCancelToken },
  { ...action('answering feedback, unknown token (refused)', 'anonymous', '/feedback/:token', 'grade=5&good=Bench&improve=', 404), ...unknownFeedbackToken },
  // A well-formed session the plan does not have: checked in a transaction with the training locked.
  action('attendance of a session the plan does not have (refused), trainer', 'trainer', '/organisations/:organisationId/trainings/:trainingId/attendance', 'intent=list&session=2000-01-03T18%3A00', 404),
  // Deciding a report that is already approved: the report and the training are locked, nothing changes.
  { ...action('approving an approved expense report again (refused), centre staff', 'centreStaff', '/organisations/:organisationId/trainings/:trainingId/expense-report', 'intent=approve', 409), ...heldTraining },
  // A draft of a training that has not ended: validated and refused with the training locked.
  action(
    'saving an expense report before the training ended (refused), trainer',
    'trainer',
    '/organisations/:organisationId/trainings/:trainingId/expense-report',
    'intent=save&sessionDate=:year-03-02&sessionStart=18%3A00&sessionEnd=20%3A15&sessionBreak=0&costCategory=trainerFees&costDescription=Bench&costAmount=250&participantFees=&otherFunding=&otherFundingSource=&notes=',
    409,
  ),
  action(
    'participant import with bad rows (refused), trainer',
    'trainer',
    '/organisations/:organisationId/trainings/:trainingId/participants',
    `intent=import&rows=${encodeURIComponent('nimi;sähköposti;syntymävuosi;kunta;sukupuoli;ensimmäistä kertaa\nBench;ei-osoite;1890;;x;ehkä\nToinen Bench;toinen@example.test;1985;Tampere;n;k')}`,
    400,
  ),
  // Refused before anything is locked (the date), and on a paid batch locked and found final: nothing changes.
  action('payment batch with an execution date in the past (refused)', 'centreStaff', '/payment-batches', 'intent=create&executionDate=2000-01-01', 409),
  { ...action('marking a paid payment batch paid on a wrong date (refused)', 'centreStaff', '/payment-batches/:batchId', 'intent=markPaid&paidOn=abc', 400), ...paidBatch },
  { ...action('cancelling a paid payment batch (refused)', 'centreStaff', '/payment-batches/:batchId', 'intent=cancel&reason=x', 409), ...paidBatch },
  // Refused by the forms: nothing is created, saved or commented.
  action('new training strategy of more than ten years (refused), org admin', 'orgAdmin', '/organisations/:organisationId/strategies', 'firstYear=2030&lastYear=2050', 400),
  { ...action('publishing a strategy with an incomplete target (refused), org admin', 'orgAdmin', '/organisations/:organisationId/strategies/:strategyId', 'intent=publish&draftSavedAt=2026-01-01T00%3A00%3A00.000Z&purpose=Bench&targetText=Bench&targetMeasure=&targetOwner=&targetTimetable=', 400), ...ownStrategy },
  { ...action('an empty comment on a strategy version (refused), centre staff', 'centreStaff', '/organisations/:organisationId/strategies/:strategyId/versions/:version', 'comment=', 400), ...generatedStrategy },
  // Refused by the form (nothing created), and on an approved model locked and found decided: nothing changes.
  action('new training model with hours in a wrong form (refused), org admin', 'orgAdmin', '/organisations/:organisationId/models/new', 'intent=save&name=Bench&activityKind=lecture&activityAmount=abc&activityDescription=', 400),
  { ...action('approving an approved training model again (refused), centre staff', 'centreStaff', '/organisations/:organisationId/models/:modelId', 'intent=approve', 409), ...approvedModel },
  // Badges: refused by the forms (no image, a name too long), or as held or pending, already decided, a revocation without a reason.
  action('new badge without an image (refused), centre admin', 'centreAdmin', '/badges/new', 'name_fi=Bench&description_fi=Bench&criteria_fi=Bench&modelId=', 400),
  action('saving a badge with a name too long (refused), centre admin', 'centreAdmin', '/badges/:badgeId', `name_fi=${'a'.repeat(121)}&description_fi=Bench&criteria_fi=Bench`, 400),
  action('applying for a badge held or pending (refused), org admin', 'orgAdmin', '/organisations/:organisationId/badges', 'badgeId=:badgeId&justification=Bench', 409),
  action('approving a decided badge application (refused), centre staff', 'centreStaff', '/badges/applications/:badgeApplicationId', 'intent=approve&reason=', 409),
  action('revoking a badge credential without a reason (refused), centre staff', 'centreStaff', '/badges/issued/:credentialId', 'reason=', 400),
  // Signature and status list checked; the page counts requests per address.
  { ...action('verifying a badge credential', 'anonymous', '/badges/verify', 'credential=:badgeJwt&email=', 200), distinctClients: true },
  // Refused in the transaction with the training locked (already marked; too late to correct), or by the form (nothing marked).
  { ...action('results: marking a marked participant again (refused), trainer', 'courseTrainer', resultsRoute, 'intent=record&participantId=:markedParticipantId&outcome=passed&justification=', 409), ...openCourse },
  { ...action('results: nothing marked (refused), trainer', 'courseTrainer', resultsRoute, 'intent=record&participantId=:markedParticipantId&outcome=&justification=', 400), ...openCourse },
  { ...action('results: correcting one after the 30 days (refused), org admin', 'courseAdmin', resultsRoute, 'intent=correct&participantId=:markedParticipantId&outcome=passed&justification=&reason=Bench', 409), ...openCourse },
  { ...action('consent by an unknown link (refused)', 'anonymous', '/study-register/consent/:token', 'confirm=yes', 404), ...unknownConsentToken },
  // A known address: a new link and an email each time (the outbox grows); the same answer as for an unknown one.
  { ...action('portal sign-in link request', 'anonymous', '/portal', 'intent=signIn&email=:portalRequestEmail', 200), distinctClients: true },
  { ...action('portal sign-in by an unknown link (refused)', 'anonymous', '/portal/sign-in/:token', 'confirm=yes', 409), ...unknownPortalToken },
  action('announcement without organisations (refused)', 'centreStaff', '/announcements/new', 'subjectFi=Bench&bodyFi=Bench&audience=organisations', 400),
  action('the last admin giving up the role (refused)', 'orgAdmin', '/organisations/:organisationId/admin-role', 'userId=:orgAdminId', 409),
  action('lifting a sign-in block', 'centreStaff', '/sign-in-blocks', 'scope=account&value=nobody%40example.fi', 200),
  // A wrong current password: the full check (scrypt) without changing the demo password.
  action('password change refused, trainer (scrypt)', 'trainer', '/account', 'currentPassword=wrong-password&newPassword=uusi-salasana-2027&confirmPassword=uusi-salasana-2027', 400, 2),
  action('sign-in (scrypt)', 'anonymous', '/login', `email=paakayttaja%40kll.example&password=${encodeURIComponent(demoPassword)}`, 302, 2),
];
