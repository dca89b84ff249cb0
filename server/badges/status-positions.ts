import { randomInt } from 'node:crypto';
import { count, inArray } from 'drizzle-orm';
import { badgeCredentials } from '../db/schema';
import type { Queryable } from '../db/types';
import { statusListSize } from './status-list';

/**
 * Free places in the revocation lists for `wanted` new credentials, picked at random (the Bitstring
 * Status List's advice), so that a position tells nothing of when or with whom a credential was
 * issued. Lists are filled to half before the next one is started, which keeps picks quick. `pick`
 * is for generated data, which must be the same for the same seed.
 */
export async function freeStatusPositions(db: Queryable, wanted: number, pick: (below: number) => number = randomInt): Promise<number[]> {
  const [issued] = await db.select({ n: count() }).from(badgeCredentials);
  const chosen = new Set<number>();
  while (chosen.size < wanted) {
    const candidates = new Set<number>();
    while (candidates.size < wanted - chosen.size) {
      const list = Math.floor(((issued?.n ?? 0) + chosen.size + candidates.size) / (statusListSize / 2));
      const candidate = list * statusListSize + pick(statusListSize);
      if (!chosen.has(candidate)) candidates.add(candidate);
    }
    const taken = await db.select({ index: badgeCredentials.statusListIndex }).from(badgeCredentials).where(inArray(badgeCredentials.statusListIndex, [...candidates]));
    for (const t of taken) candidates.delete(t.index);
    for (const c of candidates) chosen.add(c);
  }
  return [...chosen];
}
