import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { DataDirLockedError, acquireDataDirLock } from '../../server/db/data-dir-lock';
import { isCrossSite } from '../../server/http/security';
import { businessIdFor, isValidBusinessId } from '../../server/organisations/business-id';

describe('configuration', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, DATA_DIR: './data', SEED_DEMO: false, TEST_CLOCK: false });
  });
  it('fails fast with a readable message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});

describe('data folder lock', () => {
  const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sivis-lock-'));

  it('refuses a second holder while the first is alive', () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    fs.writeFileSync(path.join(dir, 'sivisverkko.lock'), String(child.pid));
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    } finally {
      child.kill();
    }
  });

  it('takes over a lock left by a process that is gone, and releases it', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => child.on('exit', resolve));
    fs.writeFileSync(path.join(dir, 'sivisverkko.lock'), String(child.pid));
    const lock = acquireDataDirLock(dir);
    expect(lock.tookOverStaleLock).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'sivisverkko.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'sivisverkko.lock'))).toBe(false);
  });
});

describe('cross-site protection', () => {
  it('refuses unsafe requests the browser marks cross-site or from another origin', () => {
    expect(isCrossSite('POST', { 'sec-fetch-site': 'cross-site', host: 'localhost:3000' })).toBe(true);
    expect(isCrossSite('POST', { origin: 'https://evil.example', host: 'localhost:3000' })).toBe(true);
    expect(isCrossSite('POST', { origin: 'null', host: 'localhost:3000' })).toBe(true);
    expect(isCrossSite('POST', { origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(isCrossSite('GET', { 'sec-fetch-site': 'cross-site' })).toBe(false);
  });
});

describe('business ID', () => {
  it('checks the Y-tunnus check digit', () => {
    expect(isValidBusinessId('0737546-2')).toBe(true);
    expect(isValidBusinessId('0737546-3')).toBe(false);
    expect(isValidBusinessId('737546-2')).toBe(false);
    expect(isValidBusinessId(businessIdFor(2_000_000))).toBe(true);
  });
});
