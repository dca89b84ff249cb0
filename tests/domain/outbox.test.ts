import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { emailOutbox } from '../../server/db/schema';
import { type Mailer, deliverDueEmails, retryDelayMs } from '../../server/jobs/outbox-worker';
import { enqueueEmail } from '../../server/notifications/outbox';
import { openTestDatabase } from '../support/database';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const start = new Date('2026-05-04T09:00:00Z');

beforeAll(async () => {
  handle = await openTestDatabase();
  clock.set(start, { frozen: true });
});
afterAll(() => handle.close());

function recordingMailer(failWith?: string): Mailer & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(message) {
      if (failWith) throw new Error(failWith);
      sent.push(message.to);
    },
  };
}

describe('email outbox', () => {
  it('writes nothing when the business transaction rolls back', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueEmail({ db: tx, clock }, { to: 'lost@example.invalid', subject: 's', bodyText: 'b' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await handle.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'lost@example.invalid'))).toHaveLength(0);
  });

  it('delivers a queued email once and marks it sent', async () => {
    await handle.db.transaction((tx) => enqueueEmail({ db: tx, clock }, { to: 'a@example.invalid', subject: 'Hei', bodyText: 'Teksti' }));
    const mailer = recordingMailer();
    expect(await deliverDueEmails({ db: handle.db, clock }, mailer)).toBe(1);
    expect(await deliverDueEmails({ db: handle.db, clock }, mailer)).toBe(0);
    expect(mailer.sent).toEqual(['a@example.invalid']);
    const [row] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'a@example.invalid'));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('retries a failed delivery with growing delays and records the error', async () => {
    await handle.db.transaction((tx) => enqueueEmail({ db: tx, clock }, { to: 'b@example.invalid', subject: 'Hei', bodyText: 'Teksti' }));
    await deliverDueEmails({ db: handle.db, clock }, recordingMailer('SMTP 451 try later'));
    const [failed] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'b@example.invalid'));
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMTP 451 try later' });
    expect(failed!.nextAttemptAt.getTime()).toBe(start.getTime() + retryDelayMs(1));
    const mailer = recordingMailer();
    expect(await deliverDueEmails({ db: handle.db, clock }, mailer)).toBe(0);
    clock.set(new Date(start.getTime() + retryDelayMs(1)), { frozen: true });
    expect(await deliverDueEmails({ db: handle.db, clock }, mailer)).toBe(1);
    expect(mailer.sent).toEqual(['b@example.invalid']);
    expect(retryDelayMs(3)).toBe(4 * retryDelayMs(1));
  });
});
