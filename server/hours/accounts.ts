import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { hourAccounts, hourTransfers } from '../db/schema';
import { queryRows } from '../db/query-rows';
import type { Queryable } from '../db/types';

export type AccountKind = (typeof hourAccounts.$inferSelect)['kind'];

export interface AccountSpec {
  year: number;
  kind: AccountKind;
  organisationId?: string | null;
  unitId?: string | null;
  trainingId?: string | null;
  drawnFromId?: string | null;
}

/** The account's identity within its year, e.g. "pool:<organisation>" or "reserved:<training>:<source>". */
export function accountKey(spec: AccountSpec): string {
  switch (spec.kind) {
    case 'source':
    case 'centre':
      return spec.kind;
    case 'pool':
    case 'peerQuota':
      return `${spec.kind}:${spec.organisationId}`;
    case 'unit':
      return `unit:${spec.unitId}`;
    case 'reserved':
    case 'used':
      return `${spec.kind}:${spec.trainingId}:${spec.drawnFromId}`;
  }
}

/** The account's id, creating the account on first use (concurrent creators get the same row). */
export async function ensureAccount(db: Queryable, spec: AccountSpec): Promise<string> {
  const key = accountKey(spec);
  const [created] = await db
    .insert(hourAccounts)
    .values({
      year: spec.year,
      kind: spec.kind,
      key,
      organisationId: spec.organisationId ?? null,
      unitId: spec.unitId ?? null,
      trainingId: spec.trainingId ?? null,
      drawnFromId: spec.drawnFromId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: hourAccounts.id });
  if (created) return created.id;
  const [existing] = await db.select({ id: hourAccounts.id }).from(hourAccounts).where(and(eq(hourAccounts.year, spec.year), eq(hourAccounts.key, key)));
  return existing!.id;
}

export async function findAccount(db: Queryable, spec: AccountSpec): Promise<string | null> {
  const [row] = await db
    .select({ id: hourAccounts.id })
    .from(hourAccounts)
    .where(and(eq(hourAccounts.year, spec.year), eq(hourAccounts.key, accountKey(spec))));
  return row?.id ?? null;
}

/**
 * Locks accounts against other withdrawals until the transaction ends, always in id order so that
 * two transactions cannot wait for each other. NO KEY UPDATE leaves the foreign-key checks of
 * transfers *into* these accounts unblocked.
 */
export async function lockAccounts(db: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .select({ id: hourAccounts.id })
    .from(hourAccounts)
    .where(inArray(hourAccounts.id, ids))
    .orderBy(asc(hourAccounts.id))
    .for('no key update');
}

/** Balances (hundredths): everything transferred in minus everything transferred out. */
export async function balances(db: Queryable, ids: string[]): Promise<Map<string, number>> {
  const result = new Map(ids.map((id) => [id, 0]));
  if (ids.length === 0) return result;
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ account: string; balance: number | string }>(
    db,
    sql`select account, sum(delta)::bigint as balance from (
          select to_account_id as account, hundredths as delta from ${hourTransfers} where to_account_id in (${list})
          union all
          select from_account_id, -hundredths from ${hourTransfers} where from_account_id in (${list})
        ) movements group by account`,
  );
  for (const row of rows) result.set(row.account, Number(row.balance));
  return result;
}

export const balanceOf = async (db: Queryable, id: string) => (await balances(db, [id])).get(id) ?? 0;
