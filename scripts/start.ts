/**
 * `npm start`: builds only when the build is missing or older than the sources, then serves.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../server/config';
import { DamagedDatabaseError } from '../server/db/client';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { main } from '../server/main';

const root = path.resolve(import.meta.dirname, '..');
const buildEntry = path.join(root, 'build/server/index.js');
const sources = ['app', 'server', 'package-lock.json', 'vite.config.ts', 'react-router.config.ts'];

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

const builtAt = fs.statSync(buildEntry, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sourcesAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
if (builtAt < sourcesAt) {
  console.log(builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/@react-router/dev/bin.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

try {
  await main(path.join(root, 'build'));
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof DamagedDatabaseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
