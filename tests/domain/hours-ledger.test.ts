import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../scripts/generate/random';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { hourAccounts, hourTransfers } from '../../server/db/schema';
import { balances, findAccount } from '../../server/hours/accounts';
import {
  type LedgerContext,
  type LedgerResult,
  type TrainingHours,
  adjustReservation,
  allocateToUnit,
  grantHours,
  realiseReservation,
  releaseReservation,
  reserveHours,
  returnHours,
  setCentreBudget,
  setPeerQuota,
  takeBackFromUnit,
} from '../../server/hours/ledger';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { demoOrgA, demoOrgB, organisationIdByName, unitByName } from '../support/demo';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
let orgA: string;
let orgB: string;
let north: { id: string }; // a district of organisation A
let aurora: { id: string }; // an association under it
const h = (hours: number) => Math.round(hours * 100);

/** Runs ledger operations in one transaction, as the domain's callers do. */
const inTx = <T>(work: (ctx: LedgerContext) => Promise<T>) => handle.db.transaction((tx) => work({ db: tx, clock, actorUserId: null }));
const balance = async (spec: Parameters<typeof findAccount>[1]) => {
  const id = await findAccount(handle.db, spec);
  return id ? ((await balances(handle.db, [id])).get(id) ?? 0) : 0;
};
const training = (year: number, organisationId: string, unitId: string | null, peerGroup = false): TrainingHours => ({ year, organisationId, unitId, trainingId: randomUUID(), peerGroup });

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
  orgB = await organisationIdByName(handle.db, demoOrgB);
  north = await unitByName(handle.db, 'Pohjoisen piiri');
  aurora = await unitByName(handle.db, 'Revontulten yhdistys');
  clock.set(new Date('2027-01-10T08:00:00Z'), { frozen: true });
});
afterAll(() => handle.close());

describe('the hour ledger', () => {
  it('never grants beyond the centre’s budget', async () => {
    expect(await inTx((ctx) => setCentreBudget(ctx, 2027, h(1000)))).toEqual({ ok: true });
    expect(await inTx((ctx) => grantHours(ctx, { year: 2027, organisationId: orgA, hundredths: h(600), kind: 'grant' }))).toEqual({ ok: true });
    expect(await inTx((ctx) => grantHours(ctx, { year: 2027, organisationId: orgB, hundredths: h(500), kind: 'grant' }))).toEqual({
      ok: false,
      error: 'hours.errors.insufficient',
      availableHundredths: h(400),
    });
    // The budget cannot be cut below what is already granted.
    expect(await inTx((ctx) => setCentreBudget(ctx, 2027, h(500)))).toMatchObject({ ok: false, availableHundredths: h(400) });
    expect(await inTx((ctx) => setCentreBudget(ctx, 2027, h(900)))).toEqual({ ok: true });
    expect(await balance({ year: 2027, kind: 'centre' })).toBe(h(300));
  });

  it('reserves from the unit, then the nearest ancestor, then the pool: the first that covers it all', async () => {
    await inTx((ctx) => allocateToUnit(ctx, { year: 2027, organisationId: orgA, unitId: north.id, hundredths: h(100) }));
    await inTx((ctx) => allocateToUnit(ctx, { year: 2027, organisationId: orgA, unitId: aurora.id, hundredths: h(30) }));
    const first = training(2027, orgA, aurora.id);
    expect(await inTx((ctx) => reserveHours(ctx, first, h(25)))).toEqual({ ok: true });
    expect(await balance({ year: 2027, kind: 'unit', unitId: aurora.id })).toBe(h(5));
    // 10 h do not fit in the association's 5 h: all of them come from the district.
    expect(await inTx((ctx) => reserveHours(ctx, training(2027, orgA, aurora.id), h(10)))).toEqual({ ok: true });
    expect(await balance({ year: 2027, kind: 'unit', unitId: north.id })).toBe(h(90));
    // 200 h fit nowhere but the pool (600 − 130 allocated = 470).
    expect(await inTx((ctx) => reserveHours(ctx, training(2027, orgA, aurora.id), h(200)))).toEqual({ ok: true });
    expect(await balance({ year: 2027, kind: 'pool', organisationId: orgA })).toBe(h(270));
    expect(await inTx((ctx) => reserveHours(ctx, training(2027, orgA, aurora.id), h(271)))).toMatchObject({ ok: false, availableHundredths: h(270) });
  });

  it('adjusts, releases and realises a reservation back to where it came from', async () => {
    const t = training(2027, orgA, aurora.id);
    await inTx((ctx) => reserveHours(ctx, t, h(4)));
    expect(await balance({ year: 2027, kind: 'unit', unitId: aurora.id })).toBe(h(1));
    // Growing by 6 h: the association cannot cover it, so the district does.
    expect(await inTx((ctx) => adjustReservation(ctx, t, h(10)))).toEqual({ ok: true });
    expect(await balance({ year: 2027, kind: 'unit', unitId: north.id })).toBe(h(84));
    // Shrinking gives back the most recent draw first.
    await inTx((ctx) => adjustReservation(ctx, t, h(7)));
    expect(await balance({ year: 2027, kind: 'unit', unitId: north.id })).toBe(h(87));
    // 5 h used of 7 reserved: 2 h go back.
    expect(await inTx((ctx) => realiseReservation(ctx, t, h(5)))).toEqual({ ok: true });
    const unitId = aurora.id;
    const auroraAccount = (await findAccount(handle.db, { year: 2027, kind: 'unit', unitId }))!;
    const northAccount = (await findAccount(handle.db, { year: 2027, kind: 'unit', unitId: north.id }))!;
    expect(await balance({ year: 2027, kind: 'used', trainingId: t.trainingId, drawnFromId: auroraAccount })).toBe(h(4));
    expect(await balance({ year: 2027, kind: 'used', trainingId: t.trainingId, drawnFromId: northAccount })).toBe(h(1));
    expect(await balance({ year: 2027, kind: 'unit', unitId: north.id })).toBe(h(89));
    const cancelled = training(2027, orgA, north.id);
    await inTx((ctx) => reserveHours(ctx, cancelled, h(9)));
    await inTx((ctx) => releaseReservation(ctx, 2027, cancelled.trainingId, 'cancelled'));
    expect(await balance({ year: 2027, kind: 'unit', unitId: north.id })).toBe(h(89));
  });

  it('keeps peer groups to their own quota', async () => {
    expect(await inTx((ctx) => setPeerQuota(ctx, { year: 2027, organisationId: orgA, totalHundredths: h(50) }))).toEqual({ ok: true });
    const peer = training(2027, orgA, aurora.id, true);
    expect(await inTx((ctx) => reserveHours(ctx, peer, h(51)))).toMatchObject({ ok: false, availableHundredths: h(50) });
    expect(await inTx((ctx) => reserveHours(ctx, peer, h(40)))).toEqual({ ok: true });
    // The quota cannot shrink below what is reserved from it.
    expect(await inTx((ctx) => setPeerQuota(ctx, { year: 2027, organisationId: orgA, totalHundredths: h(5) }))).toMatchObject({ ok: false });
    expect(await inTx((ctx) => setPeerQuota(ctx, { year: 2027, organisationId: orgA, totalHundredths: h(45) }))).toEqual({ ok: true });
    expect(await balance({ year: 2027, kind: 'peerQuota', organisationId: orgA })).toBe(h(5));
  });
});

describe('ledger invariants', () => {
  it('hold over a random sequence of operations: no account overdrawn, balances are the sums of transfers', async () => {
    const random = new Random(7);
    const year = 2030;
    await inTx((ctx) => setCentreBudget(ctx, year, h(500)));
    const trainings: TrainingHours[] = [];
    const units = [north.id, aurora.id, null];
    const amount = () => random.int(1, 6000);
    const operations: (() => Promise<LedgerResult | void>)[] = [
      () => inTx((ctx) => grantHours(ctx, { year, organisationId: random.pick([orgA, orgB]), hundredths: amount(), kind: 'grant' })),
      () => inTx((ctx) => returnHours(ctx, { year, organisationId: random.pick([orgA, orgB]), hundredths: amount() })),
      () => inTx((ctx) => allocateToUnit(ctx, { year, organisationId: orgA, unitId: random.pick([north.id, aurora.id]), hundredths: amount() })),
      () => inTx((ctx) => takeBackFromUnit(ctx, { year, organisationId: orgA, unitId: random.pick([north.id, aurora.id]), hundredths: amount() })),
      () => inTx((ctx) => setPeerQuota(ctx, { year, organisationId: orgA, totalHundredths: amount() })),
      () => {
        const t = training(year, orgA, random.pick(units), random.chance(0.2));
        trainings.push(t);
        return inTx((ctx) => reserveHours(ctx, t, amount()));
      },
      () => (trainings.length ? inTx((ctx) => adjustReservation(ctx, random.pick(trainings), amount())) : Promise.resolve()),
      () => (trainings.length ? inTx((ctx) => releaseReservation(ctx, year, random.pick(trainings).trainingId)) : Promise.resolve()),
      () => (trainings.length ? inTx((ctx) => realiseReservation(ctx, random.pick(trainings), amount())) : Promise.resolve()),
    ];
    let refused = 0;
    for (let step = 0; step < 250; step++) {
      const result = await random.pick(operations)();
      if (result && !result.ok) refused++;
    }
    expect(refused).toBeGreaterThan(0);
    const accounts = await handle.db.select().from(hourAccounts);
    const transfers = await handle.db.select().from(hourTransfers);
    const expected = new Map<string, number>();
    for (const t of transfers) {
      expected.set(t.toAccountId, (expected.get(t.toAccountId) ?? 0) + t.hundredths);
      expected.set(t.fromAccountId, (expected.get(t.fromAccountId) ?? 0) - t.hundredths);
    }
    const actual = await balances(
      handle.db,
      accounts.map((a) => a.id),
    );
    for (const account of accounts) {
      expect(actual.get(account.id), account.key).toBe(expected.get(account.id) ?? 0);
      if (account.kind !== 'source') expect(actual.get(account.id), account.key).toBeGreaterThanOrEqual(0);
    }
    // Hours are only moved, never made: everything sums to nothing.
    expect([...actual.values()].reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('lets exactly as many of 200 parallel reservations through as the pool holds, losing none', async () => {
    const year = 2031;
    await inTx((ctx) => setCentreBudget(ctx, year, h(100)));
    await inTx((ctx) => grantHours(ctx, { year, organisationId: orgB, hundredths: h(100), kind: 'grant' }));
    const results = await Promise.all(Array.from({ length: 200 }, () => inTx((ctx) => reserveHours(ctx, training(year, orgB, null), h(1)))));
    expect(results.filter((r) => r.ok)).toHaveLength(100);
    expect(await balance({ year, kind: 'pool', organisationId: orgB })).toBe(0);
    const reservations = (await handle.db.select().from(hourTransfers)).filter((t) => t.year === year && t.kind === 'reservation');
    expect(reservations).toHaveLength(100);
  });
});
