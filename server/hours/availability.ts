import { and, eq, inArray } from 'drizzle-orm';
import { hourAccounts, units } from '../db/schema';
import type { Queryable } from '../db/types';
import { unitChain } from '../organisations/unit-chain';
import { accountKey, balances } from './accounts';

export interface AvailableSource {
  kind: 'unit' | 'pool';
  /** The unit whose allocation it is (its own or an ancestor's); null for the organisation's pool. */
  unitName: string | null;
  hundredths: number;
}

export interface HoursAvailable {
  /** Where the unit's trainings draw from, nearest first; a training takes all its hours from one. */
  sources: AvailableSource[];
  /** The most one training can reserve now. */
  largest: number;
  /** The organisation's peer-group quota still free. */
  peerQuota: number;
}

/** What a new training of the unit could reserve in the year: allocations up its chain, the pool, the peer quota. */
export async function hoursAvailableTo(db: Queryable, year: number, organisationId: string, unitId: string): Promise<HoursAvailable> {
  const chain = await unitChain(db, organisationId, unitId);
  const chainUnits = chain.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, chain)) : [];
  const keys = [...chain.map((id) => accountKey({ year, kind: 'unit', unitId: id })), accountKey({ year, kind: 'pool', organisationId }), accountKey({ year, kind: 'peerQuota', organisationId })];
  const accounts = await db.select({ id: hourAccounts.id, key: hourAccounts.key }).from(hourAccounts).where(and(eq(hourAccounts.year, year), inArray(hourAccounts.key, keys)));
  const held = await balances(
    db,
    accounts.map((a) => a.id),
  );
  const balanceOfKey = (key: string) => {
    const account = accounts.find((a) => a.key === key);
    return account ? (held.get(account.id) ?? 0) : null;
  };
  const sources: AvailableSource[] = [];
  for (const id of chain) {
    const hundredths = balanceOfKey(accountKey({ year, kind: 'unit', unitId: id }));
    if (hundredths !== null) sources.push({ kind: 'unit', unitName: chainUnits.find((u) => u.id === id)?.name ?? '', hundredths });
  }
  sources.push({ kind: 'pool', unitName: null, hundredths: balanceOfKey(accountKey({ year, kind: 'pool', organisationId })) ?? 0 });
  return {
    sources,
    largest: Math.max(0, ...sources.map((s) => s.hundredths)),
    peerQuota: balanceOfKey(accountKey({ year, kind: 'peerQuota', organisationId })) ?? 0,
  };
}

/** A training's hours now held in the ledger: reserved by its plan and used when realised. */
export async function hoursHeldBy(db: Queryable, year: number, trainingId: string): Promise<{ reserved: number; used: number }> {
  const accounts = await db
    .select({ id: hourAccounts.id, kind: hourAccounts.kind })
    .from(hourAccounts)
    .where(and(eq(hourAccounts.year, year), eq(hourAccounts.trainingId, trainingId)));
  const held = await balances(
    db,
    accounts.map((a) => a.id),
  );
  const sum = (kind: 'reserved' | 'used') => accounts.filter((a) => a.kind === kind).reduce((total, a) => total + (held.get(a.id) ?? 0), 0);
  return { reserved: sum('reserved'), used: sum('used') };
}
