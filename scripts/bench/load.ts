/**
 * One load run in its own process (so the load generator does not share a core's event loop
 * with the runner): `concurrency` keep-alive loops against one URL on loopback until the
 * duration or the request cap is reached. Prints a JSON summary.
 */
import http from 'node:http';

interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  bodyBase64?: string;
  expectStatus: number;
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  /** Each request from its own address (X-Forwarded-For; the server trusts it from loopback). */
  distinctClients?: boolean;
  /** A user's pause between a response and their next request, on average (0: none). */
  thinkMs?: number;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const target = new URL(spec.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
  console.error('The benchmark only loads servers on loopback.');
  process.exit(2);
}
const body = spec.bodyBase64 ? Buffer.from(spec.bodyBase64, 'base64') : null;
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
const latencies: number[] = [];
let errors = 0;
let requests = 0;
// A random start in 10.0.0.0/8, so that runs soon after each other do not reuse each other's addresses.
let client = Math.floor(Math.random() * 2 ** 24);
const headersFor = (): Record<string, string> => {
  if (!spec.distinctClients) return spec.headers;
  const n = client++ % 2 ** 24;
  return { ...spec.headers, 'X-Forwarded-For': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
};
const requestTimeoutMs = 30_000;
const started = performance.now();
const deadline = started + spec.durationMs;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(target, { method: spec.method, headers: headersFor(), agent }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(performance.now() - t0);
        if (res.statusCode !== spec.expectStatus) errors++;
        resolve();
      });
    });
    // A request still unanswered after this long counts as an error, so that the run ends in time.
    req.setTimeout(requestTimeoutMs, () => req.destroy());
    req.on('error', () => {
      errors++;
      resolve();
    });
    if (body) req.end(body);
    else req.end();
  });
}

const think = spec.thinkMs ?? 0;
// Half to one and a half of the think time, and a random start: users who all paused exactly as long would come in waves.
const pause = (share: number) => new Promise((resolve) => setTimeout(resolve, think * share));

async function loop() {
  if (think > 0) await pause(Math.random());
  while (performance.now() < deadline && requests < spec.maxRequests) {
    requests++;
    await once();
    if (think > 0) await pause(0.5 + Math.random());
  }
}

await Promise.all(Array.from({ length: spec.concurrency }, loop));
const elapsedS = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
agent.destroy();
console.log(
  JSON.stringify({
    requests: latencies.length,
    errors,
    requestsPerSecond: latencies.length / elapsedS,
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
  }),
);
