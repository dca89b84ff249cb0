import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expenseAuditSeeds } from '../db/schema';
import type { Queryable } from '../db/types';

/**
 * Whether a report is picked for audit: the first 32 bits of SHA-256(seed, report id) as a share
 * of 2³² below the year's audit share. A function of the report and the year only, so submitting
 * again can never change it; the seed is secret, so nobody can tell in advance.
 */
export function isPickedForAudit(seed: string, reportId: string, shareBasisPoints: number): boolean {
  const digest = createHash('sha256').update(`${seed}:${reportId}`).digest();
  return digest.readUInt32BE(0) * 10_000 < shareBasisPoints * 2 ** 32;
}

/** The year's audit seed, made at random the first time a report of that year is submitted. */
export async function auditSeedFor(db: Queryable, year: number): Promise<string> {
  await db.insert(expenseAuditSeeds).values({ year, seed: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select({ seed: expenseAuditSeeds.seed }).from(expenseAuditSeeds).where(sql`${expenseAuditSeeds.year} = ${year}`);
  return row!.seed;
}
