import type { SQL } from 'drizzle-orm';
import type { Queryable } from './types';

/** Raw SQL rows; PGlite and node-postgres both answer `{ rows }`, which the shared type hides. */
export async function queryRows<Row>(db: Queryable, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}
