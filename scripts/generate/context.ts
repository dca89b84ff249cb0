import type { PgTable } from 'drizzle-orm/pg-core';
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

export function makeInsert(db: Database, progress: Progress): GenerateContext['insert'] {
  return async (table, rows) => {
    let batch: (typeof table.$inferInsert)[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      // The row type is checked at the call site; drizzle cannot relate it to a generic table here.
      await db.insert(table).values(batch as never);
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
