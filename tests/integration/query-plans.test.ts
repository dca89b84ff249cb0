import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type BenchUser, benchCases, benchUsers } from '../../scripts/bench/cases';
import { type Refreshers, lookUpFixtures, signIn } from '../../scripts/bench/fixtures';
import { benchRequest } from '../../scripts/bench/requests';
import type { Progress } from '../../scripts/generate/context';
import { generateData } from '../../scripts/generate/index';
import type { DatabaseHandle } from '../../server/db/client';
import * as schema from '../../server/db/schema';
import type { Database } from '../../server/db/types';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { type TestServer, startTestServer } from '../support/http-app';

/**
 * Every benchmarked page and action is requested once, as the bench does it, on generated data on
 * the PostgreSQL server; each distinct statement it ran is then EXPLAINed with the parameters it
 * ran with. None may read a table of over 100 000 rows by a sequential scan. The default scale
 * (0.5: 750 000 participants, 1.8 million presence rows) keeps the test to a few minutes;
 * QUERY_PLAN_SCALE=1 checks the full data set, and QUERY_PLAN_DATABASE_URL a database generated
 * before (it gets the demo data and the bench's fixtures; see docs/performance.md).
 */
const onServer = Boolean(process.env.DATABASE_URL);
const scale = Number(process.env.QUERY_PLAN_SCALE ?? '0.5');
const generatedDatabase = process.env.QUERY_PLAN_DATABASE_URL;
const largeTable = 100_000;
const explainable = /^\s*(select|with|insert|update|delete)\b/i;
/**
 * The statements allowed to read a large table whole, and why: the centre's statistics over every
 * organisation sum up a fifth of all participations (two years of ten) and join the reports of
 * those years' trainings; an index would fetch the same rows one by one, dearer than the scan
 * (docs/performance.md, "Scale and reliability (issue 20)").
 */
const wholeTableReads: { by: RegExp; tables: string[] }[] = [
  { by: /^statistics (of the centre|table by organisation as CSV), centre staff$/, tables: ['training_participants', 'expense_reports'] },
];
const allowed = (by: string, table: string) => wholeTableReads.some((r) => r.by.test(by) && r.tables.includes(table));

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const seqScannedTables = (node: PlanNode): string[] => [
  ...(node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : []),
  ...(node.Plans ?? []).flatMap(seqScannedTables),
];

const handles: DatabaseHandle[] = [];
const pools: pg.Pool[] = [];
let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all(handles.map((h) => h.close()));
});

const silent: Progress = { start() {}, advance() {}, finish() {} };

describe.skipIf(!onServer)('query plans on generated data (PostgreSQL)', () => {
  it(`no statement of a benchmarked page or action scans a table of over ${largeTable} rows sequentially (${generatedDatabase ? 'a generated database' : `scale ${scale}`})`, async () => {
    let url = generatedDatabase;
    if (!url) {
      const handle = await openTestDatabase();
      handles.push(handle);
      await generateData(handle.db, { scale, seed: 1, progress: silent });
      url = handle.url!;
    }
    // The server's statements, each with the parameters of its first run and the case (or fixture lookup) that ran it.
    const ran = new Map<string, { params: unknown[]; by: string }>();
    let current = 'looking up the fixtures';
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    pools.push(pool);
    const recording = drizzle(pool, { schema, logger: { logQuery: (query, params) => void (ran.has(query) || ran.set(query, { params, by: current })) } });
    await seedDemoData(recording as unknown as Database);
    server = await startTestServer(recording as unknown as Database);

    const cookies = new Map<BenchUser, string | null>();
    for (const [user, email] of Object.entries(benchUsers) as [BenchUser, string | null][]) cookies.set(user, email ? await signIn(server.url, email) : null);
    const refreshers: Refreshers = {};
    const fixtures = await lookUpFixtures(server.url, cookies, benchCases, refreshers);
    const unexpected: string[] = [];
    for (const benchCase of benchCases) {
      for (const name of benchCase.fresh ?? []) fixtures[name] = await refreshers[name]!();
      current = benchCase.name;
      const request = benchRequest(server.url, benchCase, fixtures, cookies.get(benchCase.as) ?? null);
      const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ? new Uint8Array(request.body) : undefined, redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status !== benchCase.expectStatus) unexpected.push(`${benchCase.name}: ${response.status}`);
    }
    // The plans are of the paths the bench measures only if every case answered as it does there.
    expect(unexpected).toEqual([]);

    const sizes = new Map(
      (await pool.query<{ name: string; rows: number }>("select relname as name, reltuples::bigint as rows from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace")).rows.map(
        (r) => [r.name, Number(r.rows)],
      ),
    );
    const scans: string[] = [];
    let explained = 0;
    for (const [query, { params, by }] of ran) {
      if (!explainable.test(query)) continue;
      const { rows } = await pool.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`explain (format json) ${query}`, params);
      explained++;
      for (const table of new Set(seqScannedTables(rows[0]!['QUERY PLAN'][0]!.Plan))) {
        if ((sizes.get(table) ?? 0) > largeTable && !allowed(by, table)) scans.push(`${table} (${sizes.get(table)} rows), ${by}: ${query.replace(/\s+/g, ' ').slice(0, 1500)}`);
      }
    }
    expect(explained).toBeGreaterThan(250);
    if (scans.length) console.error(scans.join('\n\n'));
    expect(scans).toEqual([]);
  }, 1_800_000);
});
