/**
 * The single table of who gets what from every route: the access-check test walks it for every
 * role, against their own organisation's data and another's. A route (or an action in
 * server/access/actions.ts) without an entry here fails that test.
 *
 * Actions are sent with an empty body: an allowed actor gets the form's 400, so the check
 * proves authorisation comes before anything is parsed or written.
 */
import type { Action } from '../../server/access/actions';

export const testRoles = ['anonymous', 'centre_admin', 'centre_staff', 'org_admin', 'unit_coordinator', 'trainer', 'participant'] as const;
export type TestRole = (typeof testRoles)[number];
type Answers = Record<TestRole, number>;

export interface RouteExpectation {
  /** "GET /organisations/:organisationId" — the route's full path pattern. */
  route: string;
  /** The entries of the actions table this route checks (gate first, then list filters), or why none applies. */
  actions: readonly (Action | 'public' | 'testOnly' | 'notFound')[];
  /** The same answers whatever the organisation, or answers for own and another organisation's data. */
  answers: Answers | { own: Answers; other: Answers };
}

const signedIn = (status: number): Answers => ({
  anonymous: 302,
  centre_admin: status,
  centre_staff: status,
  org_admin: status,
  unit_coordinator: status,
  trainer: status,
  participant: status,
});
const everyone = (status: number): Answers => ({ ...signedIn(status), anonymous: status });
const only = (allowed: Partial<Record<TestRole, number>>, otherwise: number): Answers => ({
  ...signedIn(otherwise),
  ...allowed,
});
const centre = { centre_admin: 200, centre_staff: 200 };
/** Everyone who plans or runs trainings sees the annual calendar; participants do not. */
const calendarReaders = (status: number) => ({ centre_admin: status, centre_staff: status, org_admin: status, unit_coordinator: status, trainer: status });
/** What managing an organisation's users answers: centre staff anywhere, its admins at home. */
const managedBy = (status: number) => ({
  own: only({ centre_admin: status, centre_staff: status, org_admin: status }, 403),
  other: only({ centre_admin: status, centre_staff: status }, 404),
});

export const accessExpectations: RouteExpectation[] = [
  { route: 'GET /', actions: ['home.view'], answers: signedIn(200) },
  { route: 'GET /login', actions: ['public'], answers: { ...signedIn(302), anonymous: 200 } },
  { route: 'POST /login', actions: ['public'], answers: { ...signedIn(302), anonymous: 400 } },
  { route: 'GET /logout', actions: ['public'], answers: everyone(302) },
  { route: 'POST /logout', actions: ['public'], answers: everyone(302) },
  { route: 'GET /language', actions: ['public'], answers: everyone(302) },
  { route: 'POST /language', actions: ['public'], answers: everyone(400) },
  { route: 'GET /register', actions: ['public'], answers: everyone(200) },
  { route: 'POST /register', actions: ['public'], answers: everyone(400) },
  { route: 'GET /verify-email', actions: ['public'], answers: everyone(200) },
  { route: 'POST /verify-email', actions: ['public'], answers: everyone(400) },
  { route: 'GET /forgot-password', actions: ['public'], answers: everyone(200) },
  { route: 'POST /forgot-password', actions: ['public'], answers: everyone(400) },
  { route: 'GET /reset-password', actions: ['public'], answers: everyone(200) },
  { route: 'POST /reset-password', actions: ['public'], answers: everyone(400) },
  { route: 'GET /invitation', actions: ['public'], answers: everyone(200) },
  { route: 'POST /invitation', actions: ['public'], answers: everyone(400) },
  { route: 'GET /account', actions: ['account.changePassword'], answers: signedIn(200) },
  { route: 'POST /account', actions: ['account.changePassword'], answers: signedIn(400) },
  {
    route: 'GET /organisations',
    actions: ['organisation.list'],
    answers: only({ ...centre, org_admin: 200, unit_coordinator: 200 }, 403),
  },
  {
    route: 'GET /organisations/:organisationId',
    actions: ['organisation.read', 'unit.list'],
    answers: {
      own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403),
      other: only(centre, 404),
    },
  },
  {
    route: 'GET /organisations/:organisationId/users',
    actions: ['user.list'],
    answers: {
      own: only({ ...centre, org_admin: 200, unit_coordinator: 200 }, 403),
      other: only(centre, 404),
    },
  },
  { route: 'GET /organisations/:organisationId/profile', actions: ['organisation.edit', 'organisation.setCentreContact'], answers: managedBy(200) },
  { route: 'POST /organisations/:organisationId/profile', actions: ['organisation.edit'], answers: managedBy(400) },
  { route: 'GET /organisations/:organisationId/images', actions: ['organisation.edit'], answers: managedBy(200) },
  { route: 'POST /organisations/:organisationId/images', actions: ['organisation.edit'], answers: managedBy(400) },
  {
    route: 'GET /organisations/:organisationId/images/:kind',
    actions: ['organisation.read'],
    answers: {
      own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403),
      other: only(centre, 404),
    },
  },
  { route: 'GET /organisations/:organisationId/units', actions: ['unit.manage'], answers: managedBy(200) },
  { route: 'POST /organisations/:organisationId/units', actions: ['unit.manage'], answers: managedBy(400) },
  { route: 'GET /organisations/:organisationId/units/:unitId', actions: ['unit.manage'], answers: managedBy(200) },
  { route: 'POST /organisations/:organisationId/units/:unitId', actions: ['unit.manage'], answers: managedBy(400) },
  {
    route: 'GET /organisations/:organisationId/invite',
    actions: ['user.invite'],
    answers: managedBy(200),
  },
  {
    route: 'POST /organisations/:organisationId/invite',
    actions: ['user.invite'],
    answers: managedBy(400),
  },
  {
    route: 'GET /organisations/:organisationId/users/:userId/approval',
    actions: ['user.approve'],
    answers: managedBy(200),
  },
  {
    route: 'POST /organisations/:organisationId/users/:userId/approval',
    actions: ['user.approve'],
    answers: managedBy(400),
  },
  {
    route: 'GET /organisations/:organisationId/users/:userId/activation',
    actions: ['user.deactivate'],
    answers: managedBy(200),
  },
  {
    route: 'POST /organisations/:organisationId/users/:userId/activation',
    actions: ['user.deactivate'],
    answers: managedBy(400),
  },
  { route: 'GET /centre', actions: ['centre.edit'], answers: only({ centre_admin: 200 }, 403) },
  { route: 'POST /centre', actions: ['centre.edit'], answers: only({ centre_admin: 400 }, 403) },
  { route: 'GET /centre/images', actions: ['centre.edit'], answers: only({ centre_admin: 200 }, 403) },
  { route: 'POST /centre/images', actions: ['centre.edit'], answers: only({ centre_admin: 400 }, 403) },
  // The logo is public; the test's centre has one (the signature needs centre.viewSignature).
  { route: 'GET /centre/images/:kind', actions: ['public', 'centre.viewSignature'], answers: everyone(200) },
  { route: 'GET /organisations/new', actions: ['organisation.create'], answers: only(centre, 403) },
  { route: 'POST /organisations/new', actions: ['organisation.create'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  {
    route: 'GET /organisations/:organisationId/membership',
    actions: ['organisation.endMembership'],
    answers: { own: only(centre, 403), other: only(centre, 404) },
  },
  {
    route: 'POST /organisations/:organisationId/membership',
    actions: ['organisation.endMembership'],
    answers: { own: only({ centre_admin: 400, centre_staff: 400 }, 403), other: only({ centre_admin: 400, centre_staff: 400 }, 404) },
  },
  { route: 'GET /contacts', actions: ['contacts.view'], answers: signedIn(200) },
  { route: 'GET /contacts/:staffId', actions: ['contacts.edit'], answers: only({ centre_admin: 200 }, 403) },
  { route: 'POST /contacts/:staffId', actions: ['contacts.edit'], answers: only({ centre_admin: 400 }, 403) },
  { route: 'GET /help', actions: ['help.view'], answers: signedIn(200) },
  { route: 'GET /help/:area', actions: ['help.view'], answers: signedIn(200) },
  { route: 'GET /admin-application', actions: ['adminApplication.apply'], answers: only({ unit_coordinator: 200, trainer: 200 }, 403) },
  { route: 'POST /admin-application', actions: ['adminApplication.apply'], answers: only({ unit_coordinator: 400, trainer: 400 }, 403) },
  // The applicant's own application (the trainer's in "own"); everyone else's does not exist for them.
  {
    route: 'GET /admin-application/:applicationId',
    actions: ['adminApplication.apply'],
    answers: { own: only({ unit_coordinator: 404, trainer: 200 }, 403), other: only({ unit_coordinator: 404, trainer: 404 }, 403) },
  },
  {
    route: 'POST /admin-application/:applicationId',
    actions: ['adminApplication.apply'],
    answers: { own: only({ unit_coordinator: 404, trainer: 400 }, 403), other: only({ unit_coordinator: 404, trainer: 404 }, 403) },
  },
  {
    route: 'GET /admin-application/:applicationId/pdf',
    actions: ['adminApplication.apply', 'adminApplication.review'],
    answers: { own: only({ ...centre, unit_coordinator: 404, trainer: 200 }, 403), other: only({ ...centre, unit_coordinator: 404, trainer: 404 }, 403) },
  },
  { route: 'GET /admin-applications', actions: ['adminApplication.review'], answers: only(centre, 403) },
  { route: 'GET /admin-applications/:applicationId', actions: ['adminApplication.review'], answers: only(centre, 403) },
  { route: 'POST /admin-applications/:applicationId', actions: ['adminApplication.review'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  { route: 'GET /organisations/:organisationId/admin-role', actions: ['adminRole.giveUp'], answers: managedBy(200) },
  { route: 'POST /organisations/:organisationId/admin-role', actions: ['adminRole.giveUp'], answers: managedBy(400) },
  { route: 'GET /calendar', actions: ['calendar.view'], answers: only(calendarReaders(200), 403) },
  { route: 'POST /calendar', actions: ['calendar.edit'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  { route: 'GET /calendar/subscription', actions: ['calendar.subscribe'], answers: only(calendarReaders(200), 403) },
  { route: 'POST /calendar/subscription', actions: ['calendar.subscribe'], answers: only(calendarReaders(400), 403) },
  // The secret address is the credential: calendar programs do not sign in.
  { route: 'GET /calendar/feed/:file', actions: ['public'], answers: everyone(200) },
  { route: 'GET /calendar/:year/events/new', actions: ['calendar.edit'], answers: only(centre, 403) },
  { route: 'POST /calendar/:year/events/new', actions: ['calendar.edit'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  { route: 'GET /calendar/:year/events/:eventId', actions: ['calendar.edit'], answers: only(centre, 403) },
  { route: 'POST /calendar/:year/events/:eventId', actions: ['calendar.edit'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  { route: 'GET /announcements', actions: ['announcement.read'], answers: only({ ...centre, org_admin: 200 }, 403) },
  { route: 'GET /announcements/new', actions: ['announcement.send'], answers: only(centre, 403) },
  { route: 'POST /announcements/new', actions: ['announcement.send'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  {
    // The own organisation's announcement is addressed to organisation A only; the other's to B only.
    route: 'GET /announcements/:announcementId',
    actions: ['announcement.read'],
    answers: { own: only({ ...centre, org_admin: 200 }, 403), other: only({ ...centre, org_admin: 404 }, 403) },
  },
  { route: 'GET /hours', actions: ['hours.decide'], answers: only(centre, 403) },
  { route: 'POST /hours', actions: ['hours.decide'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  { route: 'GET /hours/:year/organisations/:organisationId', actions: ['hours.decide'], answers: only(centre, 403) },
  { route: 'POST /hours/:year/organisations/:organisationId', actions: ['hours.decide'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  {
    // Published decisions of organisation A (own) and B (other).
    route: 'GET /hours/decisions/:decisionId/pdf',
    actions: ['hours.readDecision'],
    answers: { own: only({ ...centre, org_admin: 200 }, 403), other: only({ ...centre, org_admin: 404 }, 403) },
  },
  {
    route: 'GET /organisations/:organisationId/hours',
    actions: ['hours.view'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200 }, 403), other: only(centre, 404) },
  },
  {
    // Only the organisation's own admin distributes its hours.
    route: 'POST /organisations/:organisationId/hours',
    actions: ['hours.distribute'],
    answers: { own: only({ org_admin: 400 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  },
  {
    // The unit is a district the demo coordinator does not coordinate.
    route: 'GET /organisations/:organisationId/hours/:unitId',
    actions: ['hours.view'],
    answers: { own: only({ ...centre, org_admin: 200 }, 403), other: only(centre, 404) },
  },
  {
    route: 'GET /organisations/:organisationId/hours/proposals/:year',
    actions: ['proposal.view'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200 }, 403), other: only(centre, 404) },
  },
  {
    // Gated by seeing the proposal; each form then checks its own action (admin's or staff's).
    route: 'POST /organisations/:organisationId/hours/proposals/:year',
    actions: ['proposal.view', 'proposal.edit', 'proposal.return'],
    answers: { own: only({ centre_admin: 400, centre_staff: 400, org_admin: 400, unit_coordinator: 400 }, 403), other: { ...only({}, 404), centre_admin: 400, centre_staff: 400 } },
  },
  {
    // A line delegated to the demo coordinator's district (own), and one of organisation B (other).
    route: 'GET /organisations/:organisationId/hours/proposals/:year/lines/:lineId',
    actions: ['proposal.view', 'proposal.fillDelegated'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200 }, 403), other: only(centre, 404) },
  },
  {
    route: 'POST /organisations/:organisationId/hours/proposals/:year/lines/:lineId',
    actions: ['proposal.view'],
    answers: { own: only({ centre_admin: 400, centre_staff: 400, org_admin: 400, unit_coordinator: 400 }, 403), other: { ...only({}, 404), centre_admin: 400, centre_staff: 400 } },
  },
  {
    route: 'GET /organisations/:organisationId/hours/requests',
    actions: ['hours.readRequests'],
    answers: { own: only({ ...centre, org_admin: 200 }, 403), other: only(centre, 404) },
  },
  {
    route: 'POST /organisations/:organisationId/hours/requests',
    actions: ['hours.readRequests', 'hours.request', 'hours.decideRequest'],
    answers: { own: only({ centre_admin: 400, centre_staff: 400, org_admin: 400 }, 403), other: { ...only({}, 404), centre_admin: 400, centre_staff: 400 } },
  },
  { route: 'GET /hours/requests', actions: ['hours.decideRequest'], answers: only(centre, 403) },
  {
    route: 'GET /trainings',
    actions: ['training.read'],
    answers: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403),
  },
  {
    // Staff follow trainings but do not plan them.
    route: 'GET /organisations/:organisationId/trainings/new',
    actions: ['training.plan'],
    answers: { own: only({ org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  },
  {
    route: 'POST /organisations/:organisationId/trainings/new',
    actions: ['training.plan'],
    answers: { own: only({ org_admin: 400, unit_coordinator: 400, trainer: 400 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  },
  {
    // The demo trainer's own training, in an association under the demo coordinator's district.
    route: 'GET /organisations/:organisationId/trainings/:trainingId',
    actions: ['training.read'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  {
    route: 'POST /organisations/:organisationId/trainings/:trainingId',
    actions: ['training.plan'],
    answers: { own: only({ org_admin: 400, unit_coordinator: 400, trainer: 400 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  },
  {
    route: 'GET /organisations/:organisationId/trainings/:trainingId/participants',
    actions: ['participant.read'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  {
    // Those who plan the training manage its participants; staff follow.
    route: 'POST /organisations/:organisationId/trainings/:trainingId/participants',
    actions: ['participant.manage'],
    answers: { own: only({ org_admin: 400, unit_coordinator: 400, trainer: 400 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  },
  {
    route: 'GET /organisations/:organisationId/trainings/:trainingId/attendance',
    actions: ['participant.read'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  {
    // Those who plan the training record attendance; staff follow.
    route: 'POST /organisations/:organisationId/trainings/:trainingId/attendance',
    actions: ['attendance.record'],
    answers: { own: only({ org_admin: 400, unit_coordinator: 400, trainer: 400 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  },
  {
    route: 'GET /organisations/:organisationId/trainings/:trainingId/feedback',
    actions: ['feedback.read'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  {
    // A report's page is read by who follows the training (the fixture trainings have not ended: the page says so).
    route: 'GET /organisations/:organisationId/trainings/:trainingId/expense-report',
    actions: ['expenseReport.read'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  {
    // Readers reach the form; each intent then needs its own action (writing: who plans; deciding: staff).
    route: 'POST /organisations/:organisationId/trainings/:trainingId/expense-report',
    actions: ['expenseReport.read', 'expenseReport.write', 'expenseReport.review'],
    answers: { own: only({ centre_admin: 400, centre_staff: 400, org_admin: 400, unit_coordinator: 400, trainer: 400 }, 403), other: { ...only({}, 404), centre_admin: 400, centre_staff: 400 } },
  },
  {
    route: 'GET /organisations/:organisationId/trainings/:trainingId/expense-report/versions',
    actions: ['expenseReport.read'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  {
    // Each fixture training's report has one receipt.
    route: 'GET /organisations/:organisationId/trainings/:trainingId/expense-report/receipts/:receiptId',
    actions: ['expenseReport.read'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  {
    // Results are read as the participant list (the fixture trainings have not ended: the page says when results open).
    route: 'GET /organisations/:organisationId/trainings/:trainingId/results',
    actions: ['participant.read'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  {
    // Readers reach the form; marking then needs result.record and a correction result.correct, the admins'.
    route: 'POST /organisations/:organisationId/trainings/:trainingId/results',
    actions: ['participant.read', 'result.record', 'result.correct'],
    answers: { own: only({ ...{ centre_admin: 400, centre_staff: 400 }, org_admin: 400, unit_coordinator: 400, trainer: 400 }, 403), other: { ...only({}, 404), centre_admin: 400, centre_staff: 400 } },
  },
  {
    // Each fixture training has one register entry, so that printing answers 200.
    route: 'GET /organisations/:organisationId/trainings/:trainingId/certificates',
    actions: ['certificate.print'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  // Training strategies: each organisation's fixture strategy has two published versions.
  ...[
    'GET /organisations/:organisationId/strategies',
    'GET /organisations/:organisationId/strategies/:strategyId',
    'GET /organisations/:organisationId/strategies/:strategyId/versions/:version',
    'GET /organisations/:organisationId/strategies/:strategyId/versions/:version/pdf',
    'GET /organisations/:organisationId/strategies/:strategyId/diff',
  ].map((route) => ({ route, actions: ['strategy.read'] as const, answers: { own: only({ ...centre, org_admin: 200 }, 403), other: only(centre, 404) } })),
  ...['POST /organisations/:organisationId/strategies', 'POST /organisations/:organisationId/strategies/:strategyId'].map((route) => ({
    route,
    actions: ['strategy.write'] as const,
    answers: { own: only({ org_admin: 400 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  })),
  {
    // Staff reach the comment form; the domain then lets only the organisation's centre contact comment.
    route: 'POST /organisations/:organisationId/strategies/:strategyId/versions/:version',
    actions: ['strategy.comment'],
    answers: { own: only({ centre_admin: 400, centre_staff: 400 }, 403), other: only({ centre_admin: 400, centre_staff: 400 }, 404) },
  },
  // Statistics: an organisation's for its admins, a coordinator (their subtree) and staff; the
  // downloads without a table or format are the filters' 400; the centre's pages for staff only.
  {
    route: 'GET /organisations/:organisationId/statistics',
    actions: ['statistics.view'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200 }, 403), other: only(centre, 404) },
  },
  {
    route: 'GET /organisations/:organisationId/statistics/export',
    actions: ['statistics.view'],
    answers: { own: only({ centre_admin: 400, centre_staff: 400, org_admin: 400, unit_coordinator: 400 }, 403), other: only({ centre_admin: 400, centre_staff: 400 }, 404) },
  },
  { route: 'GET /statistics', actions: ['statistics.centre'], answers: only(centre, 403) },
  { route: 'GET /statistics/export', actions: ['statistics.centre'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  { route: 'GET /statistics/report', actions: ['statistics.centre'], answers: only(centre, 403) },
  { route: 'GET /statistics/report/download', actions: ['statistics.centre'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  {
    route: 'GET /organisations/:organisationId/support',
    actions: ['support.view'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200 }, 403), other: only(centre, 404) },
  },
  { route: 'GET /expense-reports', actions: ['expenseReport.review'], answers: only(centre, 403) },
  {
    // A payment's specification: its organisation's admins and staff (the fixture batch pays each organisation).
    route: 'GET /organisations/:organisationId/support/payments/:paymentId/:format',
    actions: ['paymentSpecification.read'],
    answers: { own: only({ ...centre, org_admin: 200 }, 403), other: only(centre, 404) },
  },
  { route: 'GET /payment-batches', actions: ['paymentBatch.manage'], answers: only(centre, 403) },
  // Training models: read by who plans trainings in the organisation (each fixture model is approved), written by its admins, reviewed by staff.
  {
    route: 'GET /organisations/:organisationId/models',
    actions: ['model.read'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  {
    route: 'GET /organisations/:organisationId/models/new',
    actions: ['model.write'],
    answers: { own: only({ org_admin: 200 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  },
  {
    route: 'POST /organisations/:organisationId/models/new',
    actions: ['model.write'],
    answers: { own: only({ org_admin: 400 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  },
  {
    route: 'GET /organisations/:organisationId/models/:modelId',
    actions: ['model.read'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  {
    // Readers reach the form; each step then needs its side's action (writing: the admins; reviewing: staff).
    route: 'POST /organisations/:organisationId/models/:modelId',
    actions: ['model.read', 'model.write', 'model.review'],
    answers: { own: only({ ...{ centre_admin: 400, centre_staff: 400 }, org_admin: 400, unit_coordinator: 400, trainer: 400 }, 403), other: { ...only({}, 404), centre_admin: 400, centre_staff: 400 } },
  },
  { route: 'GET /models', actions: ['model.review'], answers: only(centre, 403) },
  { route: 'POST /payment-batches', actions: ['paymentBatch.manage'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  { route: 'GET /payment-batches/:batchId', actions: ['paymentBatch.manage'], answers: only(centre, 403) },
  { route: 'POST /payment-batches/:batchId', actions: ['paymentBatch.manage'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  { route: 'GET /payment-batches/:batchId/xml', actions: ['paymentBatch.manage'], answers: only(centre, 403) },
  {
    route: 'GET /organisations/:organisationId/feedback',
    actions: ['feedback.organisationSummary'],
    answers: { own: only({ ...centre, org_admin: 200 }, 403), other: only(centre, 404) },
  },
  // The feedback link's secret is the credential; the form needs a grade.
  { route: 'GET /feedback/:token', actions: ['public'], answers: everyone(200) },
  { route: 'POST /feedback/:token', actions: ['public'], answers: everyone(400) },
  {
    route: 'GET /organisations/:organisationId/marketing',
    actions: ['marketingKit.view'],
    answers: { own: only({ ...centre, org_admin: 200, unit_coordinator: 200, trainer: 200 }, 403), other: only(centre, 404) },
  },
  // The public training calendar: no sign-in; both organisations' fixture trainings are public and submitted.
  { route: 'GET /training-calendar', actions: ['public'], answers: everyone(200) },
  { route: 'GET /training-calendar/:trainingId', actions: ['public'], answers: everyone(200) },
  { route: 'POST /training-calendar/:trainingId', actions: ['public'], answers: everyone(400) },
  { route: 'GET /training-calendar/logos/:organisationId', actions: ['public'], answers: everyone(200) },
  { route: 'GET /training-calendar/feeds/:organisationId/:file', actions: ['public'], answers: everyone(200) },
  // The cancel link's secret is the credential.
  { route: 'GET /registrations/:token', actions: ['public'], answers: everyone(200) },
  { route: 'POST /registrations/:token', actions: ['public'], answers: everyone(400) },
  { route: 'GET /privacy', actions: ['public'], answers: everyone(200) },
  // Verifying a certificate: anyone, by the code typed in or in the address (the own fixture entry's code).
  { route: 'GET /verify', actions: ['public'], answers: everyone(200) },
  { route: 'GET /verify/:code', actions: ['public'], answers: everyone(200) },
  // The consent link's secret is the credential (the fixture registration was asked for consent).
  { route: 'GET /study-register/consent/:token', actions: ['public'], answers: everyone(200) },
  { route: 'POST /study-register/consent/:token', actions: ['public'], answers: everyone(400) },
  // The participant portal has its own sign-in (an emailed link, a session of its own): staff sessions open nothing there.
  { route: 'GET /portal', actions: ['public'], answers: everyone(200) },
  { route: 'POST /portal', actions: ['public'], answers: everyone(400) },
  { route: 'GET /portal/sign-in/:token', actions: ['public'], answers: everyone(200) },
  { route: 'POST /portal/sign-in/:token', actions: ['public'], answers: everyone(400) },
  { route: 'GET /portal/certificates/:entryId', actions: ['public'], answers: everyone(302) },
  { route: 'GET /portal/data', actions: ['public'], answers: everyone(302) },
  // Digital badges: the demo's admin badge, an application of each organisation's admin (waiting)
  // and a credential issued to organisation B's admin.
  { route: 'GET /badges', actions: ['badge.read'], answers: only(centre, 403) },
  { route: 'GET /badges/new', actions: ['badge.define'], answers: only({ centre_admin: 200 }, 403) },
  { route: 'POST /badges/new', actions: ['badge.define'], answers: only({ centre_admin: 400 }, 403) },
  { route: 'GET /badges/:badgeId', actions: ['badge.read'], answers: only(centre, 403) },
  { route: 'POST /badges/:badgeId', actions: ['badge.define'], answers: only({ centre_admin: 400 }, 403) },
  { route: 'GET /badges/applications', actions: ['badge.review'], answers: only(centre, 403) },
  { route: 'GET /badges/applications/:badgeApplicationId', actions: ['badge.review'], answers: only(centre, 403) },
  { route: 'POST /badges/applications/:badgeApplicationId', actions: ['badge.review'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  { route: 'GET /badges/issued', actions: ['badge.read'], answers: only(centre, 403) },
  { route: 'GET /badges/issued/:credentialId', actions: ['badge.read'], answers: only(centre, 403) },
  { route: 'POST /badges/issued/:credentialId', actions: ['badge.review'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  {
    route: 'GET /organisations/:organisationId/badges',
    actions: ['badge.apply'],
    answers: { own: only({ org_admin: 200 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  },
  {
    route: 'POST /organisations/:organisationId/badges',
    actions: ['badge.apply'],
    answers: { own: only({ org_admin: 400 }, 403), other: { ...only({}, 404), centre_admin: 403, centre_staff: 403 } },
  },
  // The public side of badges: the issuer profile, achievements, credentials, status list and verification.
  { route: 'GET /badges/issuer', actions: ['public'], answers: everyone(200) },
  { route: 'GET /badges/keys/:keyId', actions: ['public'], answers: everyone(200) },
  { route: 'GET /badges/achievements/:badgeId', actions: ['public'], answers: everyone(200) },
  { route: 'GET /badges/achievements/:badgeId/image.png', actions: ['public'], answers: everyone(200) },
  { route: 'GET /badges/achievements/:badgeId/achievement.json', actions: ['public'], answers: everyone(200) },
  { route: 'GET /badges/credentials/:credentialId', actions: ['public'], answers: everyone(200) },
  { route: 'GET /badges/credentials/:credentialId/:file', actions: ['public'], answers: everyone(200) },
  { route: 'GET /badges/status/:list', actions: ['public'], answers: everyone(200) },
  { route: 'GET /badges/verify', actions: ['public'], answers: everyone(200) },
  { route: 'POST /badges/verify', actions: ['public'], answers: everyone(400) },
  { route: 'GET /outbox', actions: ['outbox.read'], answers: only(centre, 403) },
  { route: 'GET /audit', actions: ['audit.read'], answers: only({ centre_admin: 200 }, 403) },
  { route: 'GET /sign-in-blocks', actions: ['signIn.unblock'], answers: only(centre, 403) },
  { route: 'POST /sign-in-blocks', actions: ['signIn.unblock'], answers: only({ centre_admin: 400, centre_staff: 400 }, 403) },
  // Exists only with TEST_CLOCK=1, which this server does not have.
  { route: 'GET /__test/clock', actions: ['testOnly'], answers: everyone(404) },
  { route: 'POST /__test/clock', actions: ['testOnly'], answers: everyone(404) },
  { route: 'GET /*', actions: ['notFound'], answers: everyone(404) },
  { route: 'POST /*', actions: ['notFound'], answers: everyone(404) },
];
