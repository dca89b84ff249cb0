import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { AdjustableClock, systemClock } from './clock';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { ensureSigningKey } from './badges/keys';
import { createHttpApp } from './http/create-app';
import { startOutboxWorker } from './jobs/outbox-worker';
import { startScheduler } from './jobs/scheduler';
import { createSmtpMailer } from './notifications/smtp-mailer';
import { demoPassword, seedDemoData } from './seed/demo';

const log = (line: string) => console.log(line);

export async function main(buildDir = path.resolve('build')) {
  const config = loadConfig();
  const handle = await openDatabase(config);
  const testClock = config.TEST_CLOCK ? new AdjustableClock() : null;
  const clock = testClock ?? systemClock;
  if (testClock) log('TEST_CLOCK=1: the server clock can be set by tests. Never use this in production.');

  if (handle.kind === 'pglite' || config.SEED_DEMO) {
    const logins = await seedDemoData(handle.db);
    if (logins) {
      log('Demo data created. Demo logins (password for all: ' + demoPassword + '):');
      for (const login of logins) log(`  ${login.role.padEnd(17)} ${login.email.padEnd(32)} ${login.where}`);
    }
  }

  await ensureSigningKey({ db: handle.db, clock });

  const smtpConfigured = Boolean(config.SMTP_URL);
  const worker = config.SMTP_URL
    ? startOutboxWorker({ db: handle.db, clock }, createSmtpMailer(config.SMTP_URL, config.MAIL_FROM), config.OUTBOX_POLL_SECONDS * 1000, log)
    : null;

  const scheduler = startScheduler({ db: handle.db, clock }, { publicUrl: config.publicUrl }, config.SCHEDULER_MINUTES * 60_000, log);

  const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild;
  const app = createHttpApp(build, buildDir, { db: handle.db, clock, config, testClock, smtpConfigured });
  const server = app.listen(config.PORT, config.HOST, () => {
    log(`Sivisverkko is running on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT} (${handle.kind === 'pglite' ? `embedded database in ${path.resolve(config.DATA_DIR)}` : 'PostgreSQL server'})`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: closing.`);
    server.close();
    server.closeAllConnections();
    await Promise.all([worker?.stop(), scheduler.stop()]);
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
