/**
 * npm run bench -- [--url http://127.0.0.1:PORT | --database-url postgres://…] [--scale 0.01] [--seed 1]
 *                  [--concurrency 10] [--duration 5] [--think MS] [--only TEXT] [--out bench-results/latest.json]
 * Without --url it generates data at --scale into its own data folder (kept for the next run) or
 * into the PostgreSQL database of --database-url, starts a production server on a free loopback
 * port, and stops it at the end. --think: each connection pauses about that long between requests.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { type BenchCase, type BenchUser, type Fixtures, baselineName, benchCases, benchUsers } from './cases';
import { type Refreshers, lookUpFixtures, signIn } from './fixtures';
import { benchRequest } from './requests';
import { businessIdFor } from '../../server/organisations/business-id';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    scale: { type: 'string', default: '0.01' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '10' },
    duration: { type: 'string', default: '5' },
    think: { type: 'string', default: '0' },
    'database-url': { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench-results/latest.json' },
  },
});
const options = z
  .object({
    url: z.string().url().optional(),
    scale: z.coerce.number().positive().max(100),
    seed: z.coerce.number().int().min(0),
    concurrency: z.coerce.number().int().min(1).max(256),
    duration: z.coerce.number().min(1).max(120),
    think: z.coerce.number().int().min(0).max(10_000),
    'database-url': z.string().startsWith('postgres').optional(),
    only: z.string().optional(),
    out: z.string(),
  })
  .parse(values);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

async function waitFor(url: string, timeoutMs: number, server: ChildProcess) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error('The server exited during start-up.');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No answer from ${url} within ${timeoutMs / 1000} s.`);
}

/**
 * The own server's public address, the same when generating and in every run (the port is not):
 * badge credentials are signed for it, and verify only on a server of the same address.
 */
const ownPublicUrl = 'http://localhost:3000';

/** Whether the PostgreSQL database already holds the generated data (its first organisation). */
async function holdsGeneratedData(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: boolean }>(
      "select to_regclass('organisations') is not null and exists (select 1 from organisations where business_id = $1) as found",
      [businessIdFor(3_000_000)],
    );
    return rows[0]!.found;
  } finally {
    await client.end();
  }
}

/**
 * A production server of its own on generated data: an embedded data folder per scale and seed
 * (generated when missing), or the PostgreSQL database of --database-url (generated into when it
 * holds no generated data yet, and given the demo data at start).
 */
async function startOwnServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const databaseUrl = options['database-url'];
  const database = databaseUrl
    ? { DATABASE_URL: databaseUrl, SEED_DEMO: '1' }
    : { DATA_DIR: path.join(root, `.tmp/bench-data-scale-${options.scale}-seed-${options.seed}`), DATABASE_URL: '' };
  if (databaseUrl ? !(await holdsGeneratedData(databaseUrl)) : !fs.existsSync(database.DATA_DIR!)) {
    console.log(`Generating scale ${options.scale} into ${databaseUrl ? 'the PostgreSQL database' : database.DATA_DIR} …`);
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--scale', String(options.scale), '--seed', String(options.seed)], {
      cwd: root,
      env: { ...process.env, ...database, PUBLIC_URL: ownPublicUrl },
      stdio: 'inherit',
    });
  }
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...database, TEST_CLOCK: '', PUBLIC_URL: ownPublicUrl },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/healthz`, 300_000, server);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}

interface LoadResult {
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function runLoad(url: string, benchCase: BenchCase, fixtures: Fixtures, cookie: string | null): LoadResult {
  const request = benchRequest(url, benchCase, fixtures, cookie);
  const spec = {
    url: request.url,
    method: request.method,
    headers: request.headers,
    bodyBase64: request.body?.toString('base64'),
    expectStatus: benchCase.expectStatus,
    concurrency: benchCase.concurrency ?? options.concurrency,
    durationMs: (benchCase.durationSeconds ?? options.duration) * 1000,
    maxRequests: 500_000,
    distinctClients: benchCase.distinctClients ?? false,
    thinkMs: options.think,
  };
  const output = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'load.ts'), JSON.stringify(spec)], {
    cwd: root,
    encoding: 'utf8',
    timeout: ((benchCase.durationSeconds ?? options.duration) + 60) * 1000,
  });
  return JSON.parse(output) as LoadResult;
}

const own = options.url ? null : await startOwnServer();
const url = options.url ?? own!.url;
try {
  const cookies = new Map<BenchUser, string | null>();
  for (const [user, email] of Object.entries(benchUsers) as [BenchUser, string | null][]) {
    cookies.set(user, email ? await signIn(url, email) : null);
  }
  const selected = benchCases.filter((c) => c.name === baselineName || !options.only || c.name.includes(options.only));
  const refreshers: Refreshers = {};
  const fixtures = await lookUpFixtures(url, cookies, selected, refreshers);
  const results: (LoadResult & { name: string; concurrency: number })[] = [];
  for (const benchCase of selected) {
    if (benchCase.fresh) await new Promise((resolve) => setTimeout(resolve, 200));
    for (const name of benchCase.fresh ?? []) fixtures[name] = await refreshers[name]!();
    process.stdout.write(`${benchCase.name} … `);
    const result = runLoad(url, benchCase, fixtures, cookies.get(benchCase.as) ?? null);
    results.push({ name: benchCase.name, concurrency: benchCase.concurrency ?? options.concurrency, ...result });
    console.log(`${result.requestsPerSecond.toFixed(0)} req/s, p95 ${result.p95.toFixed(1)} ms${result.errors ? `, ${result.errors} errors` : ''}`);
  }
  const baseline = results.find((r) => r.name === baselineName)!;
  const rows = results.map((r) => ({
    ...r,
    ratio: { p50: r.p50 / baseline.p50, p95: r.p95 / baseline.p95, p99: r.p99 / baseline.p99, requestsPerSecond: r.requestsPerSecond / baseline.requestsPerSecond },
  }));
  const ms = (n: number) => n.toFixed(1).padStart(7);
  const x = (n: number) => `${n.toFixed(1)}×`.padStart(7);
  console.log(`\n${'page or action'.padEnd(44)} ${'c'.padStart(3)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'p50 ×'.padStart(7)} ${'p95 ×'.padStart(7)} ${'p99 ×'.padStart(7)} ${'rps ×'.padStart(7)} errors`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(44)} ${String(r.concurrency).padStart(3)} ${r.requestsPerSecond.toFixed(0).padStart(7)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${x(r.ratio.p50)} ${x(r.ratio.p95)} ${x(r.ratio.p99)} ${r.ratio.requestsPerSecond.toFixed(2).padStart(7)} ${r.errors}`,
    );
  }
  const report = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    at: new Date().toISOString(),
    server: options.url ? url : `own server, ${options['database-url'] ? 'PostgreSQL' : 'embedded'}, scale ${options.scale}, seed ${options.seed}`,
    thinkMs: options.think,
    durationSeconds: options.duration,
    results: rows,
  };
  fs.mkdirSync(path.dirname(path.resolve(root, options.out)), { recursive: true });
  fs.writeFileSync(path.resolve(root, options.out), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nJSON written to ${options.out}`);
  if (rows.some((r) => r.errors > 0)) {
    console.error('Some requests got an unexpected answer (see the errors column).');
    process.exitCode = 1;
  }
} finally {
  await own?.stop();
}
