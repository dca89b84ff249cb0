import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import { createYearCalendar } from '../../server/calendar/year-calendar';
import { sendDueReminders } from '../../server/calendar/reminders';
import type { DatabaseHandle } from '../../server/db/client';
import { emailOutbox } from '../../server/db/schema';
import { deliverDueEmails } from '../../server/jobs/outbox-worker';
import { enqueueEmails } from '../../server/notifications/outbox';
import { createSmtpMailer } from '../../server/notifications/smtp-mailer';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail } from '../support/demo';
import { startSmtpServer } from '../support/smtp';

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const clock = new AdjustableClock();
const at = (iso: string) => clock.set(new Date(iso), { frozen: true });
const links = { publicUrl: 'http://sivis.test' };

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.stop();
  await handle?.close();
});

const queue = (subject: string, count: number) =>
  handle.db.transaction((tx) => enqueueEmails({ db: tx, clock }, Array.from({ length: count }, (_, i) => ({ to: `vastaanottaja${i}@example.test`, subject, bodyText: 'Teksti' }))));
const outboxOf = (subject: string) => handle.db.select().from(emailOutbox).where(eq(emailOutbox.subject, subject));
const receivedOf = (subject: string) => smtp.received.filter((r) => r.subject === subject);

describe('the outbox, when the SMTP server is down', () => {
  it('keeps the emails with backoff and sends each once when the server is back', async () => {
    const mailer = createSmtpMailer(smtp.url, 'Sivisverkko <noreply@sivis.example>');
    const subject = 'Katkon aikana jonossa';
    at('2027-02-01T08:00:00Z');
    await queue(subject, 3);
    await smtp.stop();

    expect(await deliverDueEmails({ db: handle.db, clock }, mailer)).toBe(3);
    for (const email of await outboxOf(subject)) {
      expect(email).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date('2027-02-01T08:01:00Z'), lockedUntil: null });
      expect(email.lastError).toMatch(/ECONNREFUSED|connect/i);
    }
    // Not retried before its time, and the second failure waits twice as long.
    at('2027-02-01T08:00:30Z');
    expect(await deliverDueEmails({ db: handle.db, clock }, mailer)).toBe(0);
    at('2027-02-01T08:01:00Z');
    expect(await deliverDueEmails({ db: handle.db, clock }, mailer)).toBe(3);
    expect((await outboxOf(subject)).map((e) => e.nextAttemptAt)).toEqual(Array(3).fill(new Date('2027-02-01T08:03:00Z')));

    await smtp.start();
    at('2027-02-01T08:03:00Z');
    expect(await deliverDueEmails({ db: handle.db, clock }, mailer)).toBe(3);
    expect(await deliverDueEmails({ db: handle.db, clock }, mailer)).toBe(0);
    expect((await outboxOf(subject)).map((e) => e.status)).toEqual(['sent', 'sent', 'sent']);
    expect(receivedOf(subject).flatMap((r) => r.to).sort()).toEqual(['vastaanottaja0@example.test', 'vastaanottaja1@example.test', 'vastaanottaja2@example.test']);
  });
});

// Two app instances need two connections to one database: a PostgreSQL server (CI's second run).
describe.runIf(process.env.DATABASE_URL)('two app instances on one database', () => {
  let other: DatabaseHandle;
  beforeAll(async () => {
    other = await handle.anotherInstance!();
  });
  afterAll(() => other?.close());

  it('deliver each outbox email and each reminder exactly once', async () => {
    const mailer = createSmtpMailer(smtp.url, 'Sivisverkko <noreply@sivis.example>');
    const instances = [handle.db, other.db].map((db) => ({ db, clock }));
    const subject = 'Kahden instanssin jonossa';
    at('2027-10-01T05:00:00Z');
    await queue(subject, 60);
    await createYearCalendar({ ...instances[0]!, actor: await actorByEmail(handle.db, 'asiantuntija@sivis.example') }, 2027, 'template');
    // Both schedulers find the same due reminders at once; both workers then drain the outbox together.
    const reminded = await Promise.all(instances.map((ctx) => sendDueReminders(ctx, links)));
    expect(reminded.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    const drain = async (ctx: (typeof instances)[number]) => {
      while ((await deliverDueEmails(ctx, mailer, 5)) > 0);
    };
    await Promise.all(instances.map(drain));

    const mine = receivedOf(subject).flatMap((r) => r.to);
    expect(mine).toHaveLength(60);
    expect(new Set(mine).size).toBe(60);
    const reminders = smtp.received.filter((r) => r.subject === 'Ensi vuoden tuntihaku alkaa').flatMap((r) => r.to);
    expect(reminders.length).toBeGreaterThanOrEqual(3);
    expect(new Set(reminders).size).toBe(reminders.length);
    expect((await handle.db.select().from(emailOutbox).where(eq(emailOutbox.status, 'pending'))).length).toBe(0);
  });
});
