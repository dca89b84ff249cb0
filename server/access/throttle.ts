import { and, count, desc, eq, gt, max, sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import { signInAttempts } from '../db/schema';
import type { Queryable } from '../db/types';

/**
 * Failed sign-ins within the counting window first slow an account (or address) down — each
 * further attempt must wait twice as long as the last — and then block it for `blockMs` after
 * the last failure. A success, a password reset or staff clear the account's record.
 */
export const throttleRules = {
  windowMs: 60 * 60_000,
  blockMs: 15 * 60_000,
  account: { slowAfter: 5, blockAfter: 10 },
  address: { slowAfter: 20, blockAfter: 50 },
  firstDelayMs: 30_000,
};

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; blocked: boolean; scope: 'account' | 'address'; retryAfterSeconds: number };

function decide(
  failures: number,
  lastFailure: Date | null,
  limits: { slowAfter: number; blockAfter: number },
  now: Date,
): { blocked: boolean; retryAfterMs: number } | null {
  if (!lastFailure || failures < limits.slowAfter) return null;
  const waitMs =
    failures >= limits.blockAfter
      ? throttleRules.blockMs
      : throttleRules.firstDelayMs * 2 ** (failures - limits.slowAfter);
  const retryAfterMs = lastFailure.getTime() + waitMs - now.getTime();
  return retryAfterMs > 0 ? { blocked: failures >= limits.blockAfter, retryAfterMs } : null;
}

async function recentFailures(db: Queryable, clock: Clock, column: typeof signInAttempts.email | typeof signInAttempts.ip, value: string) {
  const since = new Date(clock.now().getTime() - throttleRules.windowMs);
  const [row] = await db
    .select({ failures: count(), lastFailure: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
  return { failures: row?.failures ?? 0, lastFailure: row?.lastFailure ? new Date(row.lastFailure) : null };
}

export async function checkThrottle(db: Queryable, clock: Clock, email: string, ip: string): Promise<ThrottleDecision> {
  const now = clock.now();
  const byAccount = await recentFailures(db, clock, signInAttempts.email, email);
  const account = decide(byAccount.failures, byAccount.lastFailure, throttleRules.account, now);
  const byAddress = await recentFailures(db, clock, signInAttempts.ip, ip);
  const address = decide(byAddress.failures, byAddress.lastFailure, throttleRules.address, now);
  const hit = account ? { ...account, scope: 'account' as const } : address ? { ...address, scope: 'address' as const } : null;
  if (!hit) return { allowed: true };
  return { allowed: false, blocked: hit.blocked, scope: hit.scope, retryAfterSeconds: Math.ceil(hit.retryAfterMs / 1000) };
}

export async function recordSignInAttempt(db: Queryable, clock: Clock, attempt: { email: string; ip: string; succeeded: boolean }) {
  await db.insert(signInAttempts).values({ at: clock.now(), ...attempt });
  // A success wipes the account's failures, so only consecutive failures count.
  if (attempt.succeeded) await db.delete(signInAttempts).where(and(eq(signInAttempts.email, attempt.email), eq(signInAttempts.succeeded, false)));
}

export interface ThrottledRow {
  scope: 'account' | 'address';
  value: string;
  failures: number;
  lastFailure: Date;
}

/** Accounts and addresses currently slowed down or blocked, for centre staff. */
export async function listThrottled(db: Queryable, clock: Clock): Promise<ThrottledRow[]> {
  const since = new Date(clock.now().getTime() - throttleRules.windowMs);
  const now = clock.now();
  const rows: ThrottledRow[] = [];
  for (const [scope, column, limits] of [
    ['account', signInAttempts.email, throttleRules.account],
    ['address', signInAttempts.ip, throttleRules.address],
  ] as const) {
    const groups = await db
      .select({ value: column, failures: count(), lastFailure: max(signInAttempts.at) })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)))
      .groupBy(column)
      .having(sql`count(*) >= ${limits.slowAfter}`)
      .orderBy(desc(max(signInAttempts.at)));
    for (const g of groups) {
      const lastFailure = new Date(g.lastFailure!);
      if (decide(g.failures, lastFailure, limits, now)) rows.push({ scope, value: g.value, failures: g.failures, lastFailure });
    }
  }
  return rows;
}

/** Staff lift a block: the failures of that account or address are forgotten. */
export async function clearThrottle(db: Queryable, scope: 'account' | 'address', value: string): Promise<number> {
  const column = scope === 'account' ? signInAttempts.email : signInAttempts.ip;
  const deleted = await db
    .delete(signInAttempts)
    .where(and(eq(column, value), eq(signInAttempts.succeeded, false)))
    .returning({ id: signInAttempts.id });
  return deleted.length;
}
