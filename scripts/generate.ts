/**
 * npm run generate -- --scale S [--seed N]
 * Fills the database (DATA_DIR's embedded one, or DATABASE_URL) with reproducible fictional data.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import type { Progress } from './generate/context';
import { AlreadyGeneratedError, generateData } from './generate/index';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' } } });
const options = z
  .object({ scale: z.coerce.number().positive().max(100), seed: z.coerce.number().int().min(0).max(2 ** 32 - 1) })
  .safeParse(values);
if (!options.success) {
  console.error('Usage: npm run generate -- --scale S [--seed N]   (S > 0, e.g. 0.01 or 1; N a whole number)');
  process.exit(1);
}

function terminalProgress(): Progress {
  const bar = new cliProgress.SingleBar({ format: '{name} [{bar}] {percentage}% {value}/{total} rows | {duration_formatted}' }, cliProgress.Presets.shades_classic);
  return {
    start: (name, total) => bar.start(total, 0, { name }),
    advance: (rows) => bar.increment(rows),
    finish: () => bar.stop(),
  };
}

/** Plain lines for logs and CI: at most one every 10 % of a step. */
function lineProgress(): Progress {
  let name = '';
  let total = 0;
  let done = 0;
  let lastTenth = -1;
  let startedAt = 0;
  return {
    start(n, t) {
      [name, total, done, lastTenth, startedAt] = [n, t, 0, -1, Date.now()];
      console.log(`${name}: ${total} rows`);
    },
    advance(rows) {
      done += rows;
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        console.log(`${name}: ${done}/${total}`);
      }
    },
    finish: () => console.log(`${name}: done, ${done} rows in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`),
  };
}

const started = Date.now();
const handle = await openDatabase(loadConfig());
try {
  await generateData(handle.db, { ...options.data, progress: process.stdout.isTTY ? terminalProgress() : lineProgress() });
  console.log(`Generated scale ${options.data.scale} (seed ${options.data.seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  if (!(error instanceof AlreadyGeneratedError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
