import { and, eq } from 'drizzle-orm';
import { units } from '../db/schema';
import type { Queryable } from '../db/types';

/** The unit's id and its ancestors' ids, nearest first; none when the unit is not the organisation's. */
export async function unitChain(db: Queryable, organisationId: string, unitId: string): Promise<string[]> {
  const [unit] = await db.select({ path: units.path }).from(units).where(and(eq(units.id, unitId), eq(units.organisationId, organisationId)));
  return (unit?.path ?? '').split('/').filter(Boolean).reverse();
}
