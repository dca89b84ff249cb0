import { and, count, eq, gt, lte } from 'drizzle-orm';
import type { Clock } from '../clock';
import { rateLimitHits } from '../db/schema';
import type { Queryable } from '../db/types';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Public registrations from one address: enough for a workplace signing up a group, not for a script. */
export const registrationLimit: RateLimit = { limit: 30, windowMs: 60 * 60_000 };

/**
 * Counts one use of `key` unless it has been used `limit` times within the window; false when it
 * has. Earlier uses outside the window are pruned, so the table stays small.
 */
export async function takeRateLimit(db: Queryable, clock: Clock, key: string, rule: RateLimit): Promise<boolean> {
  const now = clock.now();
  const since = new Date(now.getTime() - rule.windowMs);
  await db.delete(rateLimitHits).where(and(eq(rateLimitHits.key, key), lte(rateLimitHits.at, since)));
  const [used] = await db.select({ n: count() }).from(rateLimitHits).where(and(eq(rateLimitHits.key, key), gt(rateLimitHits.at, since)));
  if ((used?.n ?? 0) >= rule.limit) return false;
  await db.insert(rateLimitHits).values({ key, at: now });
  return true;
}
