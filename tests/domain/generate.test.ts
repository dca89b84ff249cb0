import { createHash } from 'node:crypto';
import { asc, count, eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../scripts/generate/context';
import { AlreadyGeneratedError, generateData } from '../../scripts/generate/index';
import type { DatabaseHandle } from '../../server/db/client';
import {
  announcements,
  badgeApplications,
  badgeCredentials,
  badgeSigningKeys,
  badges,
  calendarYears,
  expenseAuditSeeds,
  expenseReceipts,
  expenseReportEvents,
  expenseReportVersions,
  expenseReports,
  feedbackAnswers,
  feedbackLinks,
  hourAccounts,
  hourDecisions,
  hourProposals,
  hourRequests,
  organisations,
  participantProfiles,
  paymentBatches,
  paymentReports,
  payments,
  registerConsents,
  roleAssignments,
  sessionAttendance,
  sessionAttendanceCounts,
  studyRegisterEntries,
  trainingModelComments,
  trainingModelVersions,
  trainingModels,
  trainingParticipants,
  trainingResults,
  trainingSessions,
  trainingStrategies,
  trainingStrategyComments,
  trainingStrategyVersions,
  trainings,
  units,
  users,
  withdrawnCertificates,
} from '../../server/db/schema';
import { badgeUrls } from '../../server/badges/urls';
import { verifyBadge } from '../../server/badges/verify';
import { addDays, helsinkiDate } from '../../server/calendar/dates';
import { loadConfig } from '../../server/config';
import { expenseReportDeadline } from '../../server/calendar/windows';
import { defaultSupportRules } from '../../server/centre/support-rules';
import { isPickedForAudit } from '../../server/expenses/audit-pick';
import { costCategories } from '../../server/expenses/kinds';
import { checkReceipt } from '../../server/expenses/receipts';
import { ratesFor } from '../../server/expenses/reports';
import { calculateSupport } from '../../server/expenses/support';
import { balances } from '../../server/hours/accounts';
import { missingParts } from '../../server/models/content';
import { modelsForReview } from '../../server/models/lists';
import { calculateWorkload } from '../../server/models/workload';
import { isValidBusinessId } from '../../server/organisations/business-id';
import { accountProblem } from '../../server/payments/account';
import { remittanceInfo } from '../../server/payments/batches';
import { paymentCandidates } from '../../server/payments/candidates';
import { badgesGenerator } from '../../scripts/generate/badges';
import { activeCentreStaffIds } from '../../scripts/generate/context';
import { modelsGenerator } from '../../scripts/generate/models';
import { paymentsGenerator } from '../../scripts/generate/payments';
import { openCourseSuffix, openCourseTarget, registerGenerator } from '../../scripts/generate/register';
import { readVerificationCode } from '../../server/register/verification-code';
import { attendanceSummary } from '../../server/trainings/attendance';
import { teachingHundredths } from '../../server/trainings/teaching-hours';
import { statisticsFigures } from '../../server/statistics/figures';
import { openTestDatabase } from '../support/database';
import { fingerprint } from '../support/fingerprint';

const handles: DatabaseHandle[] = [];
afterAll(() => Promise.all(handles.map((h) => h.close())));

const silent: Progress = { start() {}, advance() {}, finish() {} };

async function generated(seed: number, scale = 0.01) {
  const handle = await openTestDatabase();
  handles.push(handle);
  await generateData(handle.db, { scale, seed, progress: silent });
  return handle;
}

/** Password hashes are salted at random and so are badge credentials (signed with a key made at random), everything else must follow from the seed. */
async function contents(handle: DatabaseHandle) {
  await handle.db.update(users).set({ passwordHash: null });
  await handle.db.update(badgeCredentials).set({ jwt: '' });
  return fingerprint(handle.db, ['badge_signing_keys']);
}

describe('the data generator', () => {
  it('makes the scaled numbers of organisations, units and users, with valid business IDs and trees', async () => {
    const { db } = await generated(1);
    const [orgs] = await db.select({ n: count() }).from(organisations);
    const [unitCount] = await db.select({ n: count() }).from(units);
    const [userCount] = await db.select({ n: count() }).from(users);
    const [roleCount] = await db.select({ n: count() }).from(roleAssignments);
    // 200 people of the organisation and the centre's generated announcer; the open course's planner may
    // also have been made a trainer of its unit.
    expect([orgs!.n, unitCount!.n, userCount!.n]).toEqual([1, 20, 201]);
    expect([201, 202]).toContain(roleCount!.n);
    const calendars = await db.select().from(calendarYears);
    expect(calendars.map((c) => c.year).sort()).toEqual([2024, 2025, 2026]);
    const [announcementCount] = await db.select({ n: count() }).from(announcements);
    expect(announcementCount!.n).toBe(2);
    // The generated ledger is one the domain could have written: nothing overdrawn.
    const accounts = await db.select().from(hourAccounts);
    const held = await balances(db, accounts.map((a) => a.id));
    expect(accounts.filter((a) => a.kind !== 'source' && held.get(a.id)! < 0)).toEqual([]);
    expect(accounts.some((a) => a.kind === 'used')).toBe(true);
    const [decisionCount] = await db.select({ n: count() }).from(hourDecisions);
    expect(decisionCount!.n).toBe(2);
    const [proposalCount] = await db.select({ n: count() }).from(hourProposals);
    const [applicationCount] = await db.select({ n: count() }).from(hourRequests);
    expect([proposalCount!.n, applicationCount!.n >= 1]).toEqual([1, true]);
    // Every reservation in the ledger belongs to a training; drafts and cancelled ones hold no hours.
    // Ten years of 20 trainings (a tenth of the 200 a year at scale 1, for the small scale).
    const plans = await db.select().from(trainings);
    expect(plans.length).toBe(200);
    expect(new Set(plans.map((p) => p.year))).toEqual(new Set([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]));
    const reservedFor = new Set(accounts.filter((a) => a.kind === 'reserved').map((a) => a.trainingId));
    expect([...reservedFor].every((id) => plans.some((p) => p.id === id))).toBe(true);
    expect(plans.filter((p) => reservedFor.has(p.id)).every((p) => ['approved', 'reported', 'ended'].includes(p.status))).toBe(true);
    const [sessionCount] = await db.select({ n: count() }).from(trainingSessions);
    expect(sessionCount!.n).toBeGreaterThanOrEqual(200);
    const [topLevel] = await db.select({ n: count() }).from(units).where(isNull(units.parentId));
    expect(topLevel!.n).toBeGreaterThan(0);
    expect(topLevel!.n).toBeLessThan(20);
    for (const o of await db.select().from(organisations)) expect(isValidBusinessId(o.businessId)).toBe(true);
  });

  it('publishes a share of the trainings and gives participants only the places the domain would have', async () => {
    const { db } = await generated(1);
    const plans = await db.select().from(trainings);
    const people = await db.select().from(trainingParticipants);
    const submitted = plans.filter((p) => p.status !== 'draft');
    const published = submitted.filter((p) => p.isPublic);
    // About 60 % (of roughly 150 plans past the draft stage at this scale).
    expect(published.length / submitted.length).toBeGreaterThan(0.45);
    expect(published.length / submitted.length).toBeLessThan(0.75);
    // The calendar's region filter finds every public training held somewhere; online ones have none.
    expect(plans.filter((p) => p.isPublic && p.mode !== 'online' && p.region === '')).toEqual([]);
    expect(plans.filter((p) => p.mode === 'online' && p.region !== '')).toEqual([]);
    // Registration terms only on public plans, the deadline between planning and the first session.
    expect(plans.filter((p) => !p.isPublic && (p.capacity !== null || p.registrationEndsOn !== null))).toEqual([]);
    const withDeadline = plans.filter((p) => p.registrationEndsOn !== null);
    expect(withDeadline.length).toBeGreaterThan(0);
    expect(withDeadline.filter((p) => p.registrationEndsOn! > p.startsOn! || p.registrationEndsOn! <= helsinkiDate(p.createdAt))).toEqual([]);

    // About 18.5 people a training that has been held (3 million at scale 1); others have none, unless public and taking registrations.
    const byTraining = new Map<string, typeof people>();
    for (const p of people) byTraining.set(p.trainingId, [...(byTraining.get(p.trainingId) ?? []), p]);
    const planById = new Map(plans.map((p) => [p.id, p]));
    const wasHeld = (p: (typeof plans)[number]) => ['ended', 'reported', 'approved'].includes(p.status);
    const takesRegistrations = (p: (typeof plans)[number]) => p.isPublic && ['submitted', 'ongoing'].includes(p.status);
    const held = plans.filter(wasHeld);
    expect([...byTraining.keys()].map((id) => planById.get(id)!).filter((p) => !wasHeld(p) && !takesRegistrations(p))).toEqual([]);
    expect(people.length / held.length).toBeGreaterThan(14);
    expect(people.length / held.length).toBeLessThan(24);
    let limitedWithPeople = 0;
    for (const [trainingId, rows] of byTraining) {
      const plan = planById.get(trainingId)!;
      const registered = rows.filter((r) => r.status === 'registered').length;
      if (plan.capacity !== null) {
        limitedWithPeople++;
        // Never more places taken than there are, and nobody queues while a place is free.
        expect(registered).toBeLessThanOrEqual(plan.capacity);
        if (rows.some((r) => r.status === 'waiting')) expect(registered).toBe(plan.capacity);
      } else {
        expect(rows.filter((r) => r.status === 'waiting')).toEqual([]);
      }
      // The waiting list's order is the order people came in.
      const arrived = [...rows].sort((a, b) => a.arrival! - b.arrival!);
      expect(arrived.map((r) => r.createdAt.getTime())).toEqual(rows.map((r) => r.createdAt.getTime()).sort((a, b) => a - b));
      // Only a public training takes registrations; each came with consent, an email and a cancel link, before the deadline.
      for (const r of rows.filter((row) => row.source === 'registration')) {
        expect(plan.isPublic).toBe(true);
        expect([r.consentedAt, r.cancelTokenHash, r.email.endsWith('.example') || r.email.endsWith('.test')]).toEqual([r.createdAt, expect.stringMatching(/^[0-9a-f]{64}$/), true]);
        expect(helsinkiDate(r.createdAt) <= (plan.registrationEndsOn ?? plan.startsOn!)).toBe(true);
      }
      for (const r of rows.filter((row) => row.source === 'trainer')) expect([r.consentedAt, r.cancelTokenHash, r.createdBy]).toEqual([null, null, plan.createdBy]);
      expect(rows.filter((r) => (r.status === 'cancelled') !== (r.cancelledAt !== null))).toEqual([]);
      const active = rows.filter((r) => r.status !== 'cancelled' && r.email).map((r) => r.email.toLowerCase());
      expect(new Set(active).size).toBe(active.length);
    }
    expect(limitedWithPeople).toBeGreaterThan(0);
    expect(people.some((p) => p.source === 'trainer') && people.some((p) => p.source === 'registration') && people.some((p) => p.status === 'cancelled')).toBe(true);
    expect(people.every((p) => p.birthYear >= 1900 && p.birthYear <= planById.get(p.trainingId)!.year - 15)).toBe(true);
  });

  it('records attendance of the registered participants at held sessions, and feedback as the anonymous links allow', async () => {
    const { db } = await generated(1);
    const plans = await db.select().from(trainings);
    const sessions = await db.select().from(trainingSessions);
    const people = await db.select().from(trainingParticipants);
    const present = await db.select().from(sessionAttendance);
    const counts = await db.select().from(sessionAttendanceCounts);
    const links = await db.select().from(feedbackLinks);
    const answers = await db.select().from(feedbackAnswers);
    const planById = new Map(plans.map((p) => [p.id, p]));
    const personById = new Map(people.map((p) => [p.id, p]));
    const wasHeld = (id: string) => ['ended', 'reported', 'approved'].includes(planById.get(id)!.status);
    const sessionKeys = new Set(sessions.map((s) => `${s.trainingId} ${s.date}T${s.startTime}`));
    const at = (row: { trainingId: string; sessionDate: string; sessionStart: string }) => `${row.trainingId} ${row.sessionDate}T${row.sessionStart}`;

    // Ticked: only registered participants of the same held training in list mode, at its own sessions.
    expect(present.length).toBeGreaterThan(0);
    const wrongPresence = present.filter((r) => {
      const person = personById.get(r.participantId);
      return !person || person.trainingId !== r.trainingId || person.status !== 'registered' || !wasHeld(r.trainingId) || planById.get(r.trainingId)!.attendanceMode !== 'list' || !sessionKeys.has(at(r));
    });
    expect(wrongPresence).toEqual([]);
    // About 80 % of the possible ticks of the held list-mode trainings.
    const listHeld = plans.filter((p) => wasHeld(p.id) && p.attendanceMode === 'list');
    const possible = listHeld.reduce((sum, p) => sum + people.filter((r) => r.trainingId === p.id && r.status === 'registered').length * new Set(sessions.filter((s) => s.trainingId === p.id).map((s) => `${s.date}T${s.startTime}`)).size, 0);
    expect(present.length / possible).toBeGreaterThan(0.7);
    expect(present.length / possible).toBeLessThan(0.9);
    // Counted: only lectures switched to counts, one row per held session.
    const countedPlans = plans.filter((p) => p.attendanceMode === 'counts');
    expect(countedPlans.length).toBeGreaterThan(0);
    expect(countedPlans.filter((p) => p.type !== 'lecture' || !wasHeld(p.id))).toEqual([]);
    expect(counts.filter((c) => planById.get(c.trainingId)!.attendanceMode !== 'counts' || !sessionKeys.has(at(c)) || c.adults < 1 || c.minors < 0)).toEqual([]);
    for (const p of countedPlans) expect(counts.filter((c) => c.trainingId === p.id).length).toBe(new Set(sessions.filter((s) => s.trainingId === p.id).map((s) => `${s.date}T${s.startTime}`)).size);

    // Feedback: asked only of held trainings after their last day; a link for each registered participant with an email.
    const asked = plans.filter((p) => p.feedbackRequestedAt !== null);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((p) => !wasHeld(p.id) || helsinkiDate(p.feedbackRequestedAt!) <= p.endsOn!)).toEqual([]);
    expect(links.filter((l) => planById.get(l.trainingId)!.feedbackRequestedAt === null)).toEqual([]);
    for (const p of asked) {
      const own = links.filter((l) => l.trainingId === p.id);
      const used = own.filter((l) => l.used).length;
      const answered = answers.filter((a) => a.trainingId === p.id);
      expect(own.length).toBe(people.filter((r) => r.trainingId === p.id && r.status === 'registered' && r.email !== '').length);
      expect(own.every((l) => l.expiresAt.getTime() === p.feedbackRequestedAt!.getTime() + 30 * 86_400_000)).toBe(true);
      // At most one answer a used link, answered while the links were open and before the anchor day.
      expect(answered.length).toBeLessThanOrEqual(used);
      for (const a of answered) {
        expect(a.answeredOn >= helsinkiDate(p.feedbackRequestedAt!) && a.answeredOn <= addDays(helsinkiDate(p.feedbackRequestedAt!), 30) && a.answeredOn < '2026-01-01').toBe(true);
      }
    }
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.length).toBeLessThan(links.length);
    // Grades skewed high, and some answers with comments.
    const mean = answers.reduce((sum, a) => sum + a.grade, 0) / answers.length;
    expect(mean).toBeGreaterThan(3.8);
    expect(answers.some((a) => a.good !== '') && answers.some((a) => a.improve !== '') && answers.some((a) => a.good === '' && a.improve === '')).toBe(true);
  });

  it('reports every approved training with the support of its version and the used hours of the ledger, and some ended ones', async () => {
    // Five organisations, so that the completed year's ended trainings include each kind of report.
    const { db } = await generated(1, 0.05);
    const anchor = new Date(Date.UTC(2026, 0, 1));
    const plans = await db.select().from(trainings);
    const sessions = await db.select().from(trainingSessions);
    const reports = await db.select().from(expenseReports);
    const versions = await db.select().from(expenseReportVersions);
    const events = await db.select().from(expenseReportEvents).orderBy(asc(expenseReportEvents.id));
    const receipts = await db.select().from(expenseReceipts);
    const seeds = new Map((await db.select().from(expenseAuditSeeds)).map((s) => [s.year, s.seed]));
    const accounts = await db.select().from(hourAccounts);
    const held = await balances(db, accounts.map((a) => a.id));
    const planById = new Map(plans.map((p) => [p.id, p]));
    const reportOf = new Map(reports.map((r) => [r.trainingId, r]));
    const eventsOf = (reportId: string) => events.filter((e) => e.reportId === reportId);
    const hoursOf = (trainingId: string, kind: 'used' | 'reserved') => accounts.filter((a) => a.trainingId === trainingId && a.kind === kind).reduce((sum, a) => sum + held.get(a.id)!, 0);

    // Every approved training has one approved report, and only those.
    const approved = plans.filter((p) => p.status === 'approved');
    expect(approved.length).toBeGreaterThan(100);
    expect(reports.filter((r) => r.status === 'approved').map((r) => r.trainingId).sort()).toEqual(approved.map((p) => p.id).sort());
    expect(reports.filter((r) => !['approved', 'submitted', 'returned', 'draft'].includes(r.status))).toEqual([]);
    let inLedger = 0;
    for (const plan of approved) {
      const report = reportOf.get(plan.id)!;
      const own = versions.filter((v) => v.reportId === report.id);
      expect(own.map((v) => v.version)).toEqual([1]);
      const { content, breakdown } = own[0]!;
      // The sessions reported are the plan's; the support is recalculated from the version as sent.
      const order = (s: (typeof sessions)[number]) => `${s.date}T${s.startTime} ${s.id}`;
      const planned = sessions.filter((s) => s.trainingId === plan.id).sort((a, b) => (order(a) < order(b) ? -1 : 1));
      expect(content.sessions).toEqual(planned.map((s) => ({ date: s.date, start: s.startTime, end: s.endTime, breakMinutes: s.breakMinutes })));
      const expected = calculateSupport(ratesFor(defaultSupportRules(plan.year), plan.type), teachingHundredths(content.sessions), content.costs, content.otherFundingCents);
      expect(breakdown).toEqual(expected);
      expect([report.realisedHundredths, report.supportCents, report.content, report.version]).toEqual([expected.realisedHundredths, expected.supportCents, content, 1]);
      // A training in the ledger used exactly the reported hours, and holds no reservation any more.
      if (accounts.some((a) => a.trainingId === plan.id)) {
        inLedger++;
        expect([hoursOf(plan.id, 'used'), hoursOf(plan.id, 'reserved')]).toEqual([report.realisedHundredths, 0]);
      }
      expect(content.costs.length).toBeGreaterThan(0);
      expect(content.costs.every((c) => costCategories.includes(c.category) && Number.isInteger(c.amountCents) && c.amountCents > 0 && c.amountCents < 100_000_000 && c.description !== '')).toBe(true);
      expect(content.marketingDeclaration).toBe(true);
      expect(plan.priceCents === 0 ? content.participantFeesCents === 0 : content.participantFeesCents % plan.priceCents === 0).toBe(true);
      expect(content.otherFundingCents === 0 || content.otherFundingSource !== '').toBe(true);
      // Submitted, receipts checked when audited, and approved by staff, in that order and before the anchor.
      const kinds = eventsOf(report.id).map((e) => e.kind);
      expect(kinds).toEqual(report.audit ? ['submitted', 'receiptsChecked', 'approved'] : ['submitted', 'approved']);
      expect(report.decidedAt! > report.submittedAt! && report.decidedAt! < anchor).toBe(true);
      if (report.audit) expect(report.receiptsCheckedAt! > report.submittedAt! && report.receiptsCheckedAt! < report.decidedAt!).toBe(true);
    }
    expect(inLedger).toBeGreaterThan(0);

    // The attendance figure is the report page's (participants aged 15+ who came, or the largest count).
    const reportById = new Map(reports.map((r) => [r.id, r]));
    for (const version of versions) {
      const report = reportById.get(version.reportId)!;
      expect(version.attendedAdults).toBe((await attendanceSummary({ db, clock: { now: () => anchor } }, report.trainingId))!.attendedAdults);
    }

    // Waiting for review: the training is reported (and every reported training waits); returned ones stay ended with a comment.
    const submitted = reports.filter((r) => r.status === 'submitted');
    expect(['submitted', 'returned', 'draft'].map((status) => reports.some((r) => r.status === status))).toEqual([true, true, true]);
    expect(submitted.map((r) => planById.get(r.trainingId)!.status).every((s) => s === 'reported')).toBe(true);
    expect(plans.filter((p) => p.status === 'reported').every((p) => reportOf.get(p.id)?.status === 'submitted')).toBe(true);
    for (const report of submitted) expect([report.version, report.decidedAt, eventsOf(report.id).map((e) => e.kind)]).toEqual([1, null, ['submitted']]);
    for (const report of reports.filter((r) => r.status === 'returned')) {
      expect(planById.get(report.trainingId)!.status).toBe('ended');
      const own = eventsOf(report.id);
      expect(own.map((e) => e.kind)).toEqual(['submitted', 'returned']);
      expect(own[1]!.comment).not.toBe('');
    }
    for (const report of reports.filter((r) => r.status === 'draft')) {
      expect([report.version, report.audit, report.firstSubmittedAt, eventsOf(report.id).length, versions.filter((v) => v.reportId === report.id).length]).toEqual([0, false, null, 0, 0]);
    }
    // Only the completed year's ended trainings wait, are returned or drafted; some have no report yet.
    const ended = plans.filter((p) => p.year === 2025 && ['ended', 'reported'].includes(p.status));
    expect(reports.filter((r) => r.status !== 'approved').every((r) => ended.some((p) => p.id === r.trainingId))).toBe(true);
    expect(ended.some((p) => !reportOf.has(p.id))).toBe(true);

    // Submitted after the last session, late after four weeks (never after ten or the January deadline), before the anchor.
    const sent = reports.filter((r) => r.version > 0);
    const deadlines = new Map<number, string>();
    for (const year of new Set(sent.map((r) => r.year))) deadlines.set(year, await expenseReportDeadline(db, year));
    for (const report of sent) {
      const plan = planById.get(report.trainingId)!;
      const on = helsinkiDate(report.submittedAt!);
      expect(report.firstSubmittedAt).toEqual(report.submittedAt);
      expect(on >= plan.endsOn! && on <= addDays(plan.endsOn!, 70) && report.submittedAt! < anchor).toBe(true);
      expect(on <= deadlines.get(plan.year)!).toBe(true);
      expect(report.late).toBe(on > addDays(plan.endsOn!, 28));
      expect(report.createdAt <= report.submittedAt!).toBe(true);
    }
    const lateShare = sent.filter((r) => r.late).length / sent.length;
    expect(lateShare).toBeGreaterThan(0.05);
    expect(lateShare).toBeLessThan(0.3);

    // The audit pick is the domain's, with the year's seed: about 10 %.
    for (const report of sent) expect(report.audit).toBe(isPickedForAudit(seeds.get(report.year)!, report.id, defaultSupportRules(report.year).auditShareBasisPoints));
    const auditShare = sent.filter((r) => r.audit).length / sent.length;
    expect(auditShare).toBeGreaterThan(0.04);
    expect(auditShare).toBeLessThan(0.18);
    // Receipts only on audited reports, each a whole PDF whose size and hash are stored; every approved audited report has some.
    expect(receipts.length).toBeGreaterThan(0);
    for (const receipt of receipts) {
      const bytes = Buffer.from(receipt.content, 'base64');
      expect(reportById.get(receipt.reportId)!.audit).toBe(true);
      expect([checkReceipt(bytes), receipt.mimeType, receipt.sizeBytes, receipt.sha256]).toEqual([{ ok: true, mimeType: 'application/pdf' }, 'application/pdf', bytes.length, createHash('sha256').update(bytes).digest('hex')]);
    }
    expect(reports.filter((r) => r.status === 'approved' && r.audit && !receipts.some((x) => x.reportId === r.id))).toEqual([]);
  }, 60_000);

  it('pays the approved support in batches as staff would have: every report once, the sums right, the latest batch open', async () => {
    // Five organisations, so that one of them has given no account.
    const { db } = await generated(1, 0.05);
    const anchor = new Date(Date.UTC(2026, 0, 1));
    const batches = await db.select().from(paymentBatches).orderBy(asc(paymentBatches.createdAt));
    const rows = await db.select().from(payments);
    const lines = await db.select().from(paymentReports);
    const reports = await db.select().from(expenseReports);
    const members = new Map((await db.select().from(organisations)).map((o) => [o.id, o]));
    const reportById = new Map(reports.map((r) => [r.id, r]));
    const batchById = new Map(batches.map((b) => [b.id, b]));
    const paymentById = new Map(rows.map((p) => [p.id, p]));
    const blocked = (organisationId: string) => accountProblem(members.get(organisationId)!) !== null;

    // About seven batches a year: all paid but one cancelled and the latest, made and not yet marked paid.
    expect(batches.length).toBeGreaterThan(15);
    expect(batches.filter((b) => b.status === 'cancelled').length).toBe(1);
    expect(batches.filter((b) => b.status === 'created').map((b) => b.id)).toEqual([batches.at(-1)!.id]);
    // References: unique, numbered from 001 in the order made within the year they were made in.
    expect(new Set(batches.map((b) => b.reference)).size).toBe(batches.length);
    const madeIn = new Map<string, number>();
    for (const b of batches) {
      const year = helsinkiDate(b.createdAt).slice(0, 4);
      madeIn.set(year, (madeIn.get(year) ?? 0) + 1);
      expect(b.reference).toBe(`${year}-${String(madeIn.get(year)).padStart(3, '0')}`);
    }

    for (const b of batches) {
      const own = rows.filter((p) => p.batchId === b.id);
      // The totals the list and the file show are the payments', and a payment's are its reports'.
      expect([b.paymentCount, b.totalCents]).toEqual([own.length, own.reduce((sum, p) => sum + p.amountCents, 0)]);
      expect(new Set(own.map((p) => p.organisationId)).size).toBe(own.length);
      expect(own.map((p) => p.endToEndId).sort()).toEqual(own.map((_, i) => `TUKI-${b.reference}-${i + 1}`).sort());
      for (const p of own) {
        const paid = lines.filter((l) => l.paymentId === p.id);
        expect([p.reportCount, p.amountCents]).toEqual([paid.length, paid.reduce((sum, l) => sum + l.amountCents, 0)]);
        expect(p.endToEndId.length).toBeLessThanOrEqual(35);
        expect(p.remittanceInfo).toBe(remittanceInfo(b.debtorName, b.reference));
        // To the organisation's own account, one a SEPA transfer can reach.
        const organisation = members.get(p.organisationId)!;
        expect([p.creditorName, p.iban, p.bic, accountProblem(p)]).toEqual([organisation.name, organisation.iban, organisation.bic, null]);
      }
      expect(accountProblem({ iban: b.debtorIban, bic: b.debtorBic })).toBeNull();
      expect(b.debtorName).not.toBe('');
      // Made, exported, paid on the bank's day and marked paid later, before the anchor; or cancelled after it was made.
      expect(b.executionDate >= helsinkiDate(b.createdAt) && b.createdAt < anchor).toBe(true);
      if (b.status === 'paid') {
        expect([b.paidOn, b.exportCount > 0, b.lastExportedAt! > b.createdAt, b.lastExportedAt! <= b.markedPaidAt!]).toEqual([b.executionDate, true, true, true]);
        expect(helsinkiDate(b.markedPaidAt!) >= b.paidOn! && b.markedPaidAt! < anchor).toBe(true);
        expect([b.cancelledAt, b.cancelReason]).toEqual([null, '']);
      } else if (b.status === 'cancelled') {
        expect([b.paidOn, b.markedPaidAt, b.cancelledAt! > b.createdAt, b.cancelReason !== '']).toEqual([null, null, true, true]);
      } else {
        expect([b.paidOn, b.markedPaidAt, b.cancelledAt]).toEqual([null, null, null]);
      }
    }

    // Each row pays an approved report of the payment's organisation, approved before the batch was
    // made, with its support; only the cancelled batch's rows are inactive.
    for (const line of lines) {
      const report = reportById.get(line.reportId)!;
      const payment = paymentById.get(line.paymentId)!;
      const batch = batchById.get(payment.batchId)!;
      expect([report.status, report.organisationId, report.trainingId, line.amountCents, line.active]).toEqual(['approved', payment.organisationId, line.trainingId, report.supportCents, batch.status !== 'cancelled']);
      expect(report.decidedAt! < batch.createdAt).toBe(true);
    }
    // No report can be paid twice; the cancelled batch's reports were paid by another.
    const active = lines.filter((l) => l.active).map((l) => l.reportId);
    expect(new Set(active).size).toBe(active.length);
    expect(lines.filter((l) => !l.active && !active.includes(l.reportId))).toEqual([]);
    // Each report points at the payment of its active row, and only those point at one.
    const activePayment = new Map(lines.filter((l) => l.active).map((l) => [l.reportId, l.paymentId]));
    expect(reports.filter((r) => (r.paymentId ?? undefined) !== activePayment.get(r.id))).toEqual([]);

    // Every approved report of the oldest year is paid, unless its organisation has no account to pay to.
    const oldest = Math.min(...reports.map((r) => r.year));
    const paidReports = new Set(lines.filter((l) => l.active && batchById.get(paymentById.get(l.paymentId)!.batchId)!.status === 'paid').map((l) => l.reportId));
    const oldApproved = reports.filter((r) => r.year === oldest && r.status === 'approved' && r.supportCents > 0);
    expect(oldApproved.length).toBeGreaterThan(50);
    expect(oldApproved.filter((r) => !paidReports.has(r.id) && !blocked(r.organisationId))).toEqual([]);
    // The organisation without an account is in no batch, and its support waits with the reason shown.
    const withoutAccount = [...members.values()].filter((o) => reports.some((r) => r.organisationId === o.id) && blocked(o.id));
    expect(withoutAccount.length).toBe(1);
    expect(rows.filter((p) => withoutAccount.some((o) => o.id === p.organisationId))).toEqual([]);
    // The staff page has something waiting: the open batch, and what was approved after it.
    const waiting = await paymentCandidates({ db, clock: { now: () => anchor } });
    expect(waiting.some((c) => c.problem === 'missingIban')).toBe(true);
    expect(waiting.some((c) => c.problem === null && c.amountCents > 0)).toBe(true);

    // The progress bar's estimate is near the rows written.
    const written = batches.length + rows.length + lines.length;
    expect(Math.abs(paymentsGenerator.rowCount(0.05) - written) / written).toBeLessThan(0.2);
  }, 60_000);

  it('gives a third of the organisations training models as their review left them, and bases some trainings on approved ones', async () => {
    // Five organisations: two with models, the largest of them with three or four.
    const { db } = await generated(1, 0.05);
    const anchor = new Date(Date.UTC(2026, 0, 1));
    const models = await db.select().from(trainingModels);
    const versions = await db.select().from(trainingModelVersions);
    const comments = await db.select().from(trainingModelComments).orderBy(asc(trainingModelComments.id));
    const plans = await db.select().from(trainings);
    const modelById = new Map(models.map((m) => [m.id, m]));
    const versionById = new Map(versions.map((v) => [v.id, v]));
    const owners = [...new Set(models.map((m) => m.organisationId))];
    expect(owners.length).toBe(2);
    for (const o of owners) expect(models.filter((m) => m.organisationId === o).length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...owners.map((o) => models.filter((m) => m.organisationId === o).length))).toBeGreaterThanOrEqual(3);
    expect(models.every((m) => m.organisationId === owners[0] || m.organisationId === owners[1])).toBe(true);

    for (const v of versions) {
      // The figures the page shows are the calculator's of the content.
      const workload = calculateWorkload(v.content.activities);
      expect([v.workloadThousandths, v.creditTenths]).toEqual([workload.totalThousandths, workload.creditTenths]);
      expect(v.createdAt <= v.updatedAt && v.updatedAt < anchor && v.createdAt >= modelById.get(v.modelId)!.createdAt).toBe(true);
      if (v.status === 'draft') {
        expect([v.submittedAt, v.decidedAt, v.reviewerId]).toEqual([null, null, null]);
        continue;
      }
      // Sent in: complete and worth at least one credit.
      expect([missingParts(v.content), v.creditTenths! >= 10, v.submittedAt! >= v.createdAt, v.submittedAt! <= v.updatedAt]).toEqual([[], true, true, true]);
      if (v.status === 'inReview') expect(v.reviewerId).not.toBeNull();
      if (v.status === 'submitted' || v.status === 'inReview') expect(v.decidedAt === null || v.decidedAt < v.submittedAt!).toBe(true);
      if (['approved', 'rejected', 'returned'].includes(v.status)) expect([v.decidedAt! > v.submittedAt!, v.decidedBy !== null]).toEqual([true, true]);
    }
    // Versions are numbered 1..n; all but the latest are approved, each next one begun after the approval.
    for (const m of models) {
      const own = versions.filter((v) => v.modelId === m.id).sort((a, b) => a.version - b.version);
      expect(own.map((v) => v.version)).toEqual(own.map((_, i) => i + 1));
      expect(own.slice(0, -1).filter((v) => v.status !== 'approved')).toEqual([]);
      for (let i = 1; i < own.length; i++) expect(own[i]!.createdAt > own[i - 1]!.decidedAt!).toBe(true);
    }
    expect(versions.some((v) => v.status === 'approved')).toBe(true);
    // The thread: both sides, on the version's time line; every return and rejection says why.
    expect(comments.every((c) => ['centre', 'organisation'].includes(c.side) && c.body !== '' && c.at >= versionById.get(c.versionId)!.createdAt && c.at < anchor)).toBe(true);
    expect(comments.map((c) => c.at.getTime())).toEqual(comments.map((c) => c.at.getTime()).sort((a, b) => a - b));
    for (const v of versions.filter((row) => row.status === 'returned' || row.status === 'rejected')) {
      expect(comments.some((c) => c.versionId === v.id && c.side === 'centre' && c.at.getTime() === v.decidedAt!.getTime())).toBe(true);
    }

    // About a tenth of those organisations' trainings of the completed years implement an approved
    // version of their own organisation's, approved before they were planned, with its outcomes as goals.
    const based = plans.filter((p) => p.modelVersionId !== null);
    expect(based.length).toBeGreaterThan(0);
    for (const p of based) {
      const v = versionById.get(p.modelVersionId!)!;
      expect([v.status, modelById.get(v.modelId)!.organisationId, p.learningGoals, v.decidedAt! < p.createdAt, p.year < 2026]).toEqual(['approved', p.organisationId, v.content.outcomes.join('\n'), true, true]);
    }
    const withApproved = new Set(versions.filter((v) => v.status === 'approved').map((v) => modelById.get(v.modelId)!.organisationId));
    const completed = plans.filter((p) => withApproved.has(p.organisationId) && p.year < 2026);
    expect(based.length / completed.length).toBeGreaterThan(0.05);
    // A tenth of each organisation's at most, and the open course (which the register generator bases on a model).
    expect(based.length).toBeLessThanOrEqual(Math.round(completed.length * 0.1) + 1);

    // Staff have models waiting in their queue.
    const [staff] = await db.select().from(users).where(eq(users.email, 'tiedottaja@sivis-generoitu.example'));
    const queue = await modelsForReview({ db, clock: { now: () => anchor }, actor: { userId: staff!.id, name: staff!.name, email: staff!.email, language: 'fi', grants: [{ role: 'centre_staff', organisationId: null, unitId: null, unitPath: null }] } });
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((row) => row.creditTenths! >= 10 && owners.includes(row.organisationId))).toBe(true);

    // The progress bar's estimate is near the rows written.
    const written = models.length + versions.length + comments.length;
    expect(Math.abs(modelsGenerator.rowCount(0.05) - written) / written).toBeLessThan(0.5);
  }, 60_000);

  it('gives most organisations a training strategy whose versions follow one another, commented only by their centre contact', async () => {
    const { db } = await generated(1, 0.05);
    const anchor = new Date(Date.UTC(2026, 0, 1));
    const strategies = await db.select().from(trainingStrategies);
    const versions = await db.select().from(trainingStrategyVersions);
    const comments = await db.select().from(trainingStrategyComments);
    const contacts = new Map((await db.select({ id: organisations.id, contact: organisations.centreContactUserId }).from(organisations)).map((o) => [o.id, o.contact]));
    expect(strategies.length).toBeGreaterThan(0);
    for (const strategy of strategies) {
      const own = versions.filter((v) => v.strategyId === strategy.id).sort((a, b) => a.version - b.version);
      expect(own.map((v) => v.version)).toEqual(own.map((_, i) => i + 1));
      for (const [i, v] of own.entries()) {
        expect(v.publishedAt.getTime()).toBeLessThan(anchor.getTime());
        if (i > 0) expect(v.publishedAt.getTime()).toBeGreaterThan(own[i - 1]!.publishedAt.getTime());
        for (const comment of comments.filter((c) => c.versionId === v.id)) expect(comment.authorUserId).toBe(contacts.get(strategy.organisationId));
      }
      // The draft is where the admin left it: the latest version.
      expect(strategy.draft).toEqual(own.at(-1)!.content);
      expect(strategy.lastYear - strategy.firstYear).toBe(3);
    }
  });

  it('marks the results of the trainings based on a model and enters the passed, consenting participants in the study register', async () => {
    // Five organisations: two with models, about 30 trainings on them, and the open course (43 people at this scale).
    const { db } = await generated(1, 0.05);
    const anchor = new Date(Date.UTC(2026, 0, 1));
    const plans = await db.select().from(trainings);
    const people = await db.select().from(trainingParticipants);
    const sessions = await db.select().from(trainingSessions);
    const versions = await db.select().from(trainingModelVersions);
    const results = await db.select().from(trainingResults);
    const consents = await db.select().from(registerConsents);
    const entries = await db.select().from(studyRegisterEntries);
    const withdrawn = await db.select().from(withdrawnCertificates);
    const profiles = await db.select().from(participantProfiles);
    const members = new Map((await db.select().from(organisations)).map((o) => [o.id, o]));
    const grants = await db.select({ userId: roleAssignments.userId, role: roleAssignments.role, organisationId: roleAssignments.organisationId, unitPath: units.path }).from(roleAssignments).leftJoin(units, eq(units.id, roleAssignments.unitId));
    const unitPaths = new Map((await db.select().from(units)).map((u) => [u.id, u.path]));
    const planById = new Map(plans.map((p) => [p.id, p]));
    const personById = new Map(people.map((p) => [p.id, p]));
    const versionById = new Map(versions.map((v) => [v.id, v]));
    const resultOf = new Map(results.map((r) => [r.participantId, r]));
    const consentOf = new Map(consents.map((c) => [c.participantId, c]));

    // Every registered participant of a held training based on a model has a result, and nobody else.
    const marked = plans.filter((p) => p.modelVersionId !== null && !['draft', 'cancelled'].includes(p.status) && p.endsOn! < '2026-01-01');
    expect(marked.length).toBeGreaterThan(20);
    const expected = people.filter((p) => p.status === 'registered' && marked.some((t) => t.id === p.trainingId)).map((p) => p.id).sort();
    expect(results.map((r) => r.participantId).sort()).toEqual(expected);
    // About 85 % passed; a failure says why; marked after the last day (and after the last person was entered) by someone who may, before the anchor.
    const passedShare = results.filter((r) => r.outcome === 'passed').length / results.length;
    expect(passedShare).toBeGreaterThan(0.75);
    expect(passedShare).toBeLessThan(0.95);
    for (const r of results) {
      const plan = planById.get(r.trainingId)!;
      const person = personById.get(r.participantId)!;
      expect([person.trainingId, r.outcome === 'passed' ? r.justification === '' : r.justification.trim() !== '']).toEqual([r.trainingId, true]);
      expect(helsinkiDate(r.markedAt) > plan.endsOn! && r.markedAt > person.createdAt && r.markedAt < anchor).toBe(true);
      const own = grants.filter((g) => g.userId === r.markedBy);
      const trainerOwn = r.markedBy === plan.createdBy && own.some((g) => g.role === 'trainer' && unitPaths.get(plan.unitId)!.startsWith(g.unitPath!));
      expect(trainerOwn || own.some((g) => g.role === 'org_admin' && g.organisationId === plan.organisationId)).toBe(true);
      if (r.correctedAt) expect(r.correctedAt > r.markedAt && r.correctedAt < anchor && grants.some((g) => g.userId === r.correctedBy && g.role === 'org_admin' && g.organisationId === plan.organisationId)).toBe(true);
    }

    // Every entry is a passed result with consent, with what the certificate prints copied from the training and its model version.
    expect(entries.length).toBeGreaterThan(100);
    for (const e of entries) {
      const result = resultOf.get(e.participantId!)!;
      const consent = consentOf.get(e.participantId!)!;
      const person = personById.get(e.participantId!)!;
      const plan = planById.get(e.trainingId)!;
      const version = versionById.get(plan.modelVersionId!)!;
      const place = sessions.filter((s) => s.trainingId === plan.id && s.place !== '').sort((a, b) => (`${a.date}T${a.startTime}` < `${b.date}T${b.startTime}` ? -1 : 1))[0]?.place ?? '';
      expect([result.outcome, consent.consentedAt !== null, e.trainingId, e.organisationId, e.modelVersionId]).toEqual(['passed', true, person.trainingId, plan.organisationId, version.id]);
      expect([e.creditTenths, e.modelName, e.outcomes, e.personName, e.personEmail, e.organisationName]).toEqual([version.creditTenths, version.content.name, version.content.outcomes.filter((o) => o.trim()), person.name, person.email.toLowerCase(), members.get(plan.organisationId)!.name]);
      expect([e.firstDay, e.completedOn, e.place]).toEqual([plan.startsOn, plan.endsOn, place]);
      // Entered when the pass and the consent were both there, before the anchor.
      expect(e.createdAt >= result.markedAt && e.createdAt >= consent.consentedAt! && e.createdAt < anchor).toBe(true);
    }
    expect(results.filter((r) => r.outcome === 'failed' && entries.some((e) => e.participantId === r.participantId))).toEqual([]);
    expect(new Set(entries.map((e) => e.participantId)).size).toBe(entries.length);
    // The codes: unique, valid as typed, and never the same as a withdrawn certificate's.
    const codes = entries.map((e) => e.verificationCode);
    expect(new Set([...codes, ...withdrawn.map((w) => w.verificationCode)]).size).toBe(codes.length + withdrawn.length);
    expect(codes.filter((c) => JSON.stringify(readVerificationCode(c)) !== JSON.stringify({ ok: true, code: c }))).toEqual([]);
    expect(withdrawn.every((w) => readVerificationCode(w.verificationCode).ok && w.withdrawnAt < anchor)).toBe(true);

    // Consent: given on the registration form (only by those who registered themselves, at that moment), or asked by a link after a pass.
    expect(consents.filter((c) => !resultOf.has(c.participantId))).toEqual([]);
    // (Withdrawing consent in the portal took back what was not yet entered.)
    const withdrewEmails = new Set(profiles.filter((p) => p.consentWithdrawnAt).map((p) => p.email));
    for (const c of consents) {
      const person = personById.get(c.participantId)!;
      const result = resultOf.get(c.participantId)!;
      const withdrew = withdrewEmails.has(person.email.toLowerCase());
      if (c.requestedAt === null) expect([person.source, c.consentedAt]).toEqual(['registration', withdrew && c.consentedAt === null ? null : person.createdAt]);
      else expect([c.requestedAt >= result.markedAt, person.email !== '', c.consentedAt === null || c.consentedAt > c.requestedAt]).toEqual([true, true, true]);
      if (c.requestTokenHash !== null) expect(c.requestTokenHash).toMatch(/^[0-9a-f]{64}$/);
    }
    const enteredShare = entries.length / results.filter((r) => r.outcome === 'passed').length;
    expect(enteredShare).toBeGreaterThan(0.55);
    expect(enteredShare).toBeLessThan(0.9);
    expect(consents.some((c) => c.requestedAt !== null && c.consentedAt === null) && consents.some((c) => c.requestedAt !== null && c.consentedAt !== null)).toBe(true);
    // A passed participant with an address who is not entered was asked, unless they withdrew consent in the portal.
    const notAsked = results.filter((r) => r.outcome === 'passed' && personById.get(r.participantId)!.email !== '' && !entries.some((e) => e.participantId === r.participantId) && !consentOf.get(r.participantId)?.requestedAt);
    expect(notAsked.filter((r) => !withdrewEmails.has(personById.get(r.participantId)!.email.toLowerCase()))).toEqual([]);

    // The portal's profiles: a few of the people, by their lower-case address, the withdrawals when they signed in.
    expect(profiles.length).toBeGreaterThan(0);
    for (const p of profiles) {
      expect([p.email, people.some((r) => r.email.toLowerCase() === p.email), p.consentWithdrawnAt === null || p.consentWithdrawnAt.getTime() === p.updatedAt.getTime(), p.updatedAt < anchor]).toEqual([p.email.toLowerCase(), true, true, true]);
    }

    // The open course: ended, unreported, planned by a trainer who may mark it, with the scale's people and register entries.
    const [course, ...others] = plans.filter((p) => p.name.endsWith(` – ${openCourseSuffix}`));
    expect([others.length, course!.status, course!.modelVersionId !== null]).toEqual([0, 'ended', true]);
    expect(people.filter((p) => p.trainingId === course!.id && p.status === 'registered').length).toBe(openCourseTarget(0.05));
    expect(grants.some((g) => g.userId === course!.createdBy && g.role === 'trainer' && unitPaths.get(course!.unitId)!.startsWith(g.unitPath!))).toBe(true);
    expect(entries.filter((e) => e.trainingId === course!.id).length).toBeGreaterThan(openCourseTarget(0.05) / 3);

    // The progress bar's estimate is near the rows written (the open course's people and presences included).
    const written = results.length + consents.length + entries.length + withdrawn.length + profiles.length;
    expect(Math.abs(registerGenerator.rowCount(0.05) - written) / written).toBeLessThan(0.5);
  }, 60_000);

  it('gives the statistics pages figures in every breakdown: years, types, topic classes, genders, ages, first-timers, lectures counted, support paid', async () => {
    const { db } = await generated(1, 0.05);
    const [staff] = await db.select().from(users).where(eq(users.email, 'tiedottaja@sivis-generoitu.example'));
    const ctx = { db, clock: { now: () => new Date(Date.UTC(2026, 0, 1)) }, actor: { userId: staff!.id, name: staff!.name, email: staff!.email, language: 'fi' as const, grants: [{ role: 'centre_staff' as const, organisationId: null, unitId: null, unitPath: null }] } };
    const figures = await statisticsFigures(ctx, { firstYear: 2022, lastYear: 2025, organisationId: null, unitId: null, type: null, topicClass: null }, ['year', 'type', 'topicClass', 'gender', 'ageGroup', 'organisation']);
    const total = figures.get('total')!.get('')!;
    expect(total.realisedHundredths).toBeGreaterThan(0);
    expect(total.realisedHundredths).toBeLessThan(total.plannedHundredths);
    expect([total.supportPaidCents, total.countedAttendance, total.firstTimers].every((n) => n > 0)).toBe(true);
    expect(total.people).toBeLessThanOrEqual(total.participations);
    // The generated history runs from 2017 (of the years asked, 2022–2025).
    expect([...figures.get('year')!.keys()].sort()).toEqual(['2022', '2023', '2024', '2025']);
    expect(figures.get('type')!.size).toBeGreaterThanOrEqual(3);
    expect(figures.get('topicClass')!.size).toBeGreaterThanOrEqual(5);
    for (const gender of ['female', 'male', 'notTold']) expect(figures.get('gender')!.get(gender)?.participations).toBeGreaterThan(0);
    expect(figures.get('ageGroup')!.size).toBeGreaterThanOrEqual(4);
    expect(figures.get('organisation')!.size).toBeGreaterThan(1);
  }, 60_000);

  it('gives some admins the admin badge: approved applications have a credential that verifies, pending and rejected ones none', async () => {
    // Ten organisations, so that some of their first admins applied: approved, rejected, and one approval later revoked.
    const { db } = await generated(1, 0.1);
    const anchor = new Date(Date.UTC(2026, 0, 1));
    const definitions = await db.select().from(badges);
    const applications = await db.select().from(badgeApplications);
    const credentials = await db.select().from(badgeCredentials);
    const people = new Map((await db.select().from(users)).map((u) => [u.id, u]));
    const grants = await db.select().from(roleAssignments);
    const staff = await activeCentreStaffIds(db);
    const links = { publicUrl: loadConfig().publicUrl };
    const ctx = { db, clock: { now: () => anchor } };

    // One application badge (none came with the database), applied for once by an admin of each organisation that applied.
    const [applicationBadge, ...others] = definitions.filter((b) => b.awardedFor === 'application');
    expect([applicationBadge!.modelId, others.length]).toEqual([null, 0]);
    expect(applications.filter((a) => a.badgeId !== applicationBadge!.id || !grants.some((g) => g.userId === a.userId && g.role === 'org_admin' && g.organisationId === a.organisationId))).toEqual([]);
    expect(new Set(applications.map((a) => a.organisationId)).size).toBe(applications.length);
    expect(['approved', 'rejected'].map((status) => applications.some((a) => a.status === status))).toEqual([true, true]);
    for (const a of applications) {
      const own = credentials.filter((c) => c.applicationId === a.id);
      expect(a.createdAt < anchor && a.justification !== '').toBe(true);
      if (a.status === 'pending') {
        expect([a.decidedBy, a.decidedAt, a.reason, own.length]).toEqual([null, null, '', 0]);
        continue;
      }
      // Decided by staff a few days after it came, before the anchor; a rejection says why.
      expect([staff.includes(a.decidedBy!), a.decidedAt! > a.createdAt, a.decidedAt! < anchor, a.decidedAt!.getTime() - a.createdAt.getTime() < 8 * 86_400_000]).toEqual([true, true, true, true]);
      if (a.status === 'rejected') {
        expect([a.reason !== '', own.length]).toEqual([true, 0]);
        continue;
      }
      // Approved: one credential to the applicant, issued on the decision, that verifies as the public page would (revoked where it was).
      expect(own.length).toBe(1);
      const [credential] = own;
      const applicant = people.get(a.userId)!;
      expect([credential!.badgeId, credential!.recipientEmail, credential!.recipientName, credential!.language, credential!.issuedAt]).toEqual([a.badgeId, applicant.email.toLowerCase(), applicant.name, applicant.language, a.decidedAt]);
      const verified = await verifyBadge(ctx, { jwt: credential!.jwt }, applicant.email, links);
      expect(verified).toMatchObject({ status: credential!.revokedAt ? 'revoked' : 'genuine', recipient: 'matches', credentialUrl: badgeUrls(links.publicUrl).credential(credential!.id), issuedAt: a.decidedAt!.toISOString() });
      if (credential!.revokedAt) {
        expect([credential!.revokedAt > credential!.issuedAt, credential!.revokedAt < anchor, staff.includes(credential!.revokedBy!), credential!.revocationReason !== '']).toEqual([true, true, true, true]);
      }
    }
    // Only the applications' credentials (none for register entries), each at a place of its own in the status list.
    expect(credentials.filter((c) => c.applicationId === null || c.registerEntryId !== null)).toEqual([]);
    expect(new Set(credentials.map((c) => c.statusListIndex)).size).toBe(credentials.length);
    expect(credentials.some((c) => c.revokedAt !== null)).toBe(true);
    const [keys] = await db.select({ n: count() }).from(badgeSigningKeys);
    expect(keys!.n).toBe(1);

    // Badges of a few models, each with an approved version, named as its latest approved version.
    const approved = (await db.select().from(trainingModelVersions)).filter((v) => v.status === 'approved').sort((a, b) => b.version - a.version);
    const modelBadges = definitions.filter((b) => b.awardedFor === 'model');
    expect(modelBadges.length).toBe(Math.min(3, new Set(approved.map((v) => v.modelId)).size));
    for (const b of modelBadges) {
      const latest = approved.find((v) => v.modelId === b.modelId);
      expect([b.name.fi, b.createdAt < anchor]).toEqual([latest?.content.name, true]);
    }

    // The progress bar's estimate is near the rows written.
    const written = definitions.length + applications.length + credentials.length;
    expect(Math.abs(badgesGenerator.rowCount(0.1) - written) / written).toBeLessThan(0.5);
  }, 60_000);

  it('gives the same data for the same seed and different data for another', async () => {
    const first = await contents(await generated(42));
    const again = await contents(await generated(42));
    const other = await contents(await generated(43));
    expect(again).toEqual(first);
    expect(other.users).not.toEqual(first.users);
    // Expense reports and their versions, history, receipts and audit seeds, the payment batches, the training models, the study register and the badges are compared too.
    const empty = createHash('md5').update('').digest('hex');
    for (const table of ['expense_reports', 'expense_report_versions', 'expense_report_events', 'expense_receipts', 'expense_audit_seeds', 'payment_batches', 'payments', 'payment_reports', 'training_models', 'training_model_versions', 'training_results', 'register_consents', 'study_register_entries', 'badges']) expect(first[table]).not.toBe(empty);
    expect(other.expense_reports).not.toEqual(first.expense_reports);
  });

  it('refuses to generate twice into one database', async () => {
    const handle = await generated(5);
    await expect(generateData(handle.db, { scale: 0.01, seed: 5, progress: silent })).rejects.toThrow(AlreadyGeneratedError);
  });
});
