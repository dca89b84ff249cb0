import { type SQL, and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { centreRoles } from '../../server/access/roles';
import { roleAssignments, users } from '../../server/db/schema';
import type { Database } from '../../server/db/types';
import type { Random } from './random';

export const batchSize = 1000;

export interface Progress {
  start(name: string, total: number): void;
  advance(rows: number): void;
  finish(): void;
}

export interface GenerateContext {
  db: Database;
  scale: number;
  random: Random;
  /** The instant the generated history is anchored to, from the seed (not the wall clock). */
  now: Date;
  /** Inserts rows from a lazy source in multi-row batches, reporting progress. */
  insert<T extends PgTable>(table: T, rows: Iterable<T['$inferInsert']>): Promise<void>;
}

/** One part of the generated data set; later issues append their own to the list in index.ts. */
export interface DataGenerator {
  name: string;
  /** Rows it will write at this scale (for the progress bar). */
  rowCount(scale: number): number;
  run(ctx: GenerateContext): Promise<void>;
}

/** Column types whose driver values pass through JSON as they are (not json, arrays or binary). */
const jsonSafeColumns = new Set(['PgUUID', 'PgText', 'PgInteger', 'PgSmallInt', 'PgBoolean', 'PgTimestamp', 'PgDateString', 'PgEnumColumn']);

/**
 * The batch as one `insert … select from json_populate_recordset($1)`: a single parameter instead of
 * one per value, which on PGlite inserts large tables 2–3 times faster than multi-row VALUES. Null
 * (use VALUES) unless every row sets the same columns and all of them are of the simple types.
 */
function jsonInsert(table: PgTable, batch: Record<string, unknown>[]): SQL | null {
  const columns = getTableColumns(table);
  const keysOf = (row: Record<string, unknown>) => Object.keys(row).filter((key) => row[key] !== undefined);
  const keys = keysOf(batch[0]!);
  if (!keys.every((key) => columns[key] && jsonSafeColumns.has(columns[key].columnType))) return null;
  const sameColumns = (row: Record<string, unknown>) => {
    const own = keysOf(row);
    return own.length === keys.length && own.every((key) => keys.includes(key));
  };
  if (!batch.every(sameColumns)) return null;
  const records = batch.map((row) => Object.fromEntries(keys.map((key) => [columns[key]!.name, row[key] === null ? null : columns[key]!.mapToDriverValue(row[key])])));
  const names = sql.join(
    keys.map((key) => sql.identifier(columns[key]!.name)),
    sql`, `,
  );
  return sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(records)}::json)`;
}

export function makeInsert(db: Database, progress: Progress): GenerateContext['insert'] {
  return async (table, rows) => {
    let batch: (typeof table.$inferInsert)[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const viaJson = jsonInsert(table, batch as Record<string, unknown>[]);
      // The row type is checked at the call site; drizzle cannot relate it to a generic table here.
      if (viaJson) await db.execute(viaJson);
      else await db.insert(table).values(batch as never);
      progress.advance(batch.length);
      batch = [];
    };
    for (const row of rows) {
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  };
}

/** The active centre staff (who decide reports, review models, make batches), by id, so that picks from them are the same for a seed. */
export async function activeCentreStaffIds(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(inArray(roleAssignments.role, [...centreRoles]), eq(users.status, 'active')))
    .orderBy(asc(users.id));
  return rows.map((r) => r.id);
}
