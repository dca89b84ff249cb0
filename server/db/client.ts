import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import type { Database } from './types';
import { acquireDataDirLock } from './data-dir-lock';

/** The extensions the migrations create (PGlite has to load them before: every PGlite.create passes these). */
export const pgliteExtensions = { pg_trgm };

export const migrationsFolder = path.resolve(import.meta.dirname, '../../drizzle');

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Closes cleanly: PGlite flushes and releases its lock; the pg pool ends. */
  close(): Promise<void>;
}

/** Wraps an already-open PGlite (tests load one from a migrated image). */
export function wrapPglite(client: PGlite): DatabaseHandle {
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    async close() {
      await client.close();
    },
  };
}

export async function migratePgliteClient(client: PGlite): Promise<void> {
  await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
}

export class DamagedDatabaseError extends Error {}

/**
 * PGlite has no autovacuum, so without statistics the planner misjudges every larger query (the
 * public calendar at scale 1: 16 ms of sorting instead of 2). Empty tables are left unanalysed: an
 * analysed empty table counts as zero pages instead of the ten the planner assumes for one never
 * analysed, so the plans cached while it is small (foreign-key checks) scan it in full for the rest
 * of the process, however it grows (the generator's organisations, units and users at scale 1: 19 s
 * instead of 2).
 */
async function analyzeTablesWithRows(client: PGlite): Promise<void> {
  const { rows: tables } = await client.query<{ name: string }>(`select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables order by 1`);
  for (const { name } of tables) {
    const { rows } = await client.query(`select 1 from ${name} limit 1`);
    if (rows.length) await client.query(`ANALYZE ${name}`);
  }
}

// PGlite's default shared_buffers (128 MB) is resident from the start; 32 MB keeps the
// embedded server well under 400 MB RSS with the demo data at little cost in speed.
const embeddedSettings = { postgresqlconf: 'shared_buffers=32MB', extensions: pgliteExtensions };

/**
 * Opens the embedded database in DATA_DIR. After an unclean stop the folder may not
 * open again: then the last snapshot (written at every clean stop) is restored, or,
 * without one, start-up is refused rather than serving a damaged database.
 */
export async function openEmbedded(dataDir: string, log: (line: string) => void = console.log): Promise<DatabaseHandle> {
  const lock = acquireDataDirLock(dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  const snapshot = path.join(dataDir, 'snapshot.tar.gz');
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: pgdata, ...embeddedSettings });
    await client.query('select 1');
    if (lock.tookOverStaleLock) await client.query('select count(*) from pg_class');
  } catch (error) {
    if (!fs.existsSync(snapshot)) {
      lock.release();
      throw new DamagedDatabaseError(
        `The embedded database in ${path.resolve(pgdata)} could not be opened (${(error as Error).message}) ` +
          'and there is no snapshot to restore. Move the folder aside to start with a fresh database.',
      );
    }
    const aside = `${pgdata}.damaged-${Date.now()}`;
    fs.renameSync(pgdata, aside);
    log(`The embedded database could not be opened; moved it to ${aside} and restored the last snapshot.`);
    client = await PGlite.create({ dataDir: pgdata, ...embeddedSettings, loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
  }
  await migratePgliteClient(client);
  await analyzeTablesWithRows(client);
  const handle = wrapPglite(client);
  return {
    ...handle,
    async close() {
      try {
        const dump = await client.dumpDataDir('gzip');
        fs.writeFileSync(`${snapshot}.tmp`, Buffer.from(await dump.arrayBuffer()));
        fs.renameSync(`${snapshot}.tmp`, snapshot);
      } finally {
        await client.close();
        lock.release();
      }
    },
  };
}

export async function openServer(url: string, options: { migrate: boolean } = { migrate: true }): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzlePg(pool, { schema });
  if (options.migrate) await migratePg(db, { migrationsFolder });
  return {
    db: db as unknown as Database,
    kind: 'postgres',
    async close() {
      await pool.end();
    },
  };
}

export function openDatabase(config: { DATABASE_URL?: string | undefined; DATA_DIR: string }): Promise<DatabaseHandle> {
  return config.DATABASE_URL ? openServer(config.DATABASE_URL) : openEmbedded(config.DATA_DIR);
}
