import { count, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../scripts/generate/context';
import { AlreadyGeneratedError, generateData } from '../../scripts/generate/index';
import type { DatabaseHandle } from '../../server/db/client';
import {
  announcements,
  calendarYears,
  feedbackAnswers,
  feedbackLinks,
  hourAccounts,
  hourDecisions,
  hourProposals,
  hourRequests,
  organisations,
  roleAssignments,
  sessionAttendance,
  sessionAttendanceCounts,
  trainingParticipants,
  trainingSessions,
  trainings,
  units,
  users,
} from '../../server/db/schema';
import { addDays, helsinkiDate } from '../../server/calendar/dates';
import { balances } from '../../server/hours/accounts';
import { isValidBusinessId } from '../../server/organisations/business-id';
import { openTestDatabase } from '../support/database';
import { fingerprint } from '../support/fingerprint';

const handles: DatabaseHandle[] = [];
afterAll(() => Promise.all(handles.map((h) => h.close())));

const silent: Progress = { start() {}, advance() {}, finish() {} };

async function generated(seed: number) {
  const handle = await openTestDatabase();
  handles.push(handle);
  await generateData(handle.db, { scale: 0.01, seed, progress: silent });
  return handle;
}

/** Password hashes are salted at random, everything else must follow from the seed. */
async function contents(handle: DatabaseHandle) {
  await handle.db.update(users).set({ passwordHash: null });
  return fingerprint(handle.db);
}

describe('the data generator', () => {
  it('makes the scaled numbers of organisations, units and users, with valid business IDs and trees', async () => {
    const { db } = await generated(1);
    const [orgs] = await db.select({ n: count() }).from(organisations);
    const [unitCount] = await db.select({ n: count() }).from(units);
    const [userCount] = await db.select({ n: count() }).from(users);
    const [roleCount] = await db.select({ n: count() }).from(roleAssignments);
    // 200 people of the organisation and the centre's generated announcer.
    expect([orgs!.n, unitCount!.n, userCount!.n, roleCount!.n]).toEqual([1, 20, 201, 201]);
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
    const plans = await db.select().from(trainings);
    expect(plans.length).toBe(200);
    const reservedFor = new Set(accounts.filter((a) => a.kind === 'reserved').map((a) => a.trainingId));
    expect([...reservedFor].every((id) => plans.some((p) => p.id === id))).toBe(true);
    expect(plans.filter((p) => reservedFor.has(p.id)).every((p) => p.status === 'approved' || p.status === 'ended')).toBe(true);
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

    // About eight people a training that has been held; others have none, unless public and taking registrations.
    const byTraining = new Map<string, typeof people>();
    for (const p of people) byTraining.set(p.trainingId, [...(byTraining.get(p.trainingId) ?? []), p]);
    const planById = new Map(plans.map((p) => [p.id, p]));
    const wasHeld = (p: (typeof plans)[number]) => ['ended', 'reported', 'approved'].includes(p.status);
    const takesRegistrations = (p: (typeof plans)[number]) => p.isPublic && ['submitted', 'ongoing'].includes(p.status);
    const held = plans.filter(wasHeld);
    expect([...byTraining.keys()].map((id) => planById.get(id)!).filter((p) => !wasHeld(p) && !takesRegistrations(p))).toEqual([]);
    expect(people.length / held.length).toBeGreaterThan(5);
    expect(people.length / held.length).toBeLessThan(12);
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

  it('gives the same data for the same seed and different data for another', async () => {
    const first = await contents(await generated(42));
    const again = await contents(await generated(42));
    const other = await contents(await generated(43));
    expect(again).toEqual(first);
    expect(other.users).not.toEqual(first.users);
  });

  it('refuses to generate twice into one database', async () => {
    const handle = await generated(5);
    await expect(generateData(handle.db, { scale: 0.01, seed: 5, progress: silent })).rejects.toThrow(AlreadyGeneratedError);
  });
});
