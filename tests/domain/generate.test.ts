import { count, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../scripts/generate/context';
import { AlreadyGeneratedError, generateData } from '../../scripts/generate/index';
import type { DatabaseHandle } from '../../server/db/client';
import { announcements, calendarYears, hourAccounts, hourDecisions, hourProposals, hourRequests, organisations, roleAssignments, trainingSessions, trainings, units, users } from '../../server/db/schema';
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
