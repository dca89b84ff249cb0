import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DamagedDatabaseError, type DatabaseHandle, openEmbedded, openServer } from '../../server/db/client';
import { queryRows } from '../../server/db/query-rows';
import type { Database } from '../../server/db/types';
import { openTestDatabase } from '../support/database';

/** Runs the writer until it has reported `batches` commits, then kills it with SIGKILL; the last batch it reported. */
async function killMidWrite(env: Record<string, string>, batches: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/writer-process.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let reported = 0;
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/committed (\d+)/g)) reported = Math.max(reported, Number(match[1]));
      if (reported >= batches && child.exitCode === null) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`The writer stopped by itself (${code})`))));
  });
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve(null) : child.on('exit', resolve)));
  return reported;
}

/** Rows per batch: every reported batch whole, nothing of a batch half there. */
async function batchesIn(db: Database) {
  return queryRows<{ subject: string; rows: number }>(db, sql`select subject, count(*)::int as rows from email_outbox where subject like 'Erä %' group by subject`);
}

function expectWhole(found: { subject: string; rows: number }[], reported: number) {
  expect(found.every((b) => b.rows === 5)).toBe(true);
  const numbers = new Set(found.map((b) => Number(b.subject.slice(4))));
  for (let batch = 1; batch <= reported; batch++) expect(numbers.has(batch), `batch ${batch}`).toBe(true);
  // The one it was killed in may have committed before it could say so: at most that one more.
  expect(numbers.size - reported).toBeLessThanOrEqual(1);
}

describe.runIf(process.env.DATABASE_URL)('kill -9 of the app during writes, server mode', () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(() => handle?.close());

  it('loses nothing committed and shows nothing half-written after the restart', async () => {
    const reported = await killMidWrite({ DATABASE_URL: handle.url! }, 40);
    const restarted = await openServer(handle.url!);
    try {
      expectWhole(await batchesIn(restarted.db), reported);
    } finally {
      await restarted.close();
    }
  }, 60_000);
});

describe('kill -9 of the app during writes, embedded mode', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sivis-kill-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('opens the data intact on restart, or refuses with a clear message; never a damaged database', async () => {
    const reported = await killMidWrite({ DATA_DIR: dataDir, DATABASE_URL: '' }, 40);
    let restarted: DatabaseHandle | null = null;
    try {
      restarted = await openEmbedded(dataDir, () => {});
    } catch (error) {
      // No snapshot yet (it is written at a clean stop): refusing is the right answer.
      expect(error).toBeInstanceOf(DamagedDatabaseError);
      expect((error as Error).message).toMatch(/snapshot/);
      return;
    }
    try {
      expectWhole(await batchesIn(restarted.db), reported);
    } finally {
      await restarted.close();
    }
  }, 90_000);
});
