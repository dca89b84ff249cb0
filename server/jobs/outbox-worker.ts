import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DomainContext } from '../context';
import { emailOutbox } from '../db/schema';
import { renderAttachments } from '../notifications/attachments';
import type { RenderedFile } from '../payments/specification-file';

export interface Mailer {
  send(message: { to: string; subject: string; text: string; attachments: RenderedFile[] }): Promise<void>;
}

const maxAttempts = 8;
const lockMinutes = 5;
/** 1 min, 2 min, 4 min … capped at 6 h. */
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3_600_000);

/**
 * Claims due emails with FOR UPDATE SKIP LOCKED (so any number of instances can run this),
 * sends them outside the transaction, and records the outcome with backoff on failure.
 */
export async function deliverDueEmails(ctx: DomainContext, mailer: Mailer, batchSize = 20): Promise<number> {
  const now = ctx.clock.now();
  const claimed = await ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.status, 'pending'),
          lte(emailOutbox.nextAttemptAt, now),
          or(isNull(emailOutbox.lockedUntil), lte(emailOutbox.lockedUntil, now)),
        ),
      )
      .orderBy(emailOutbox.id)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ lockedUntil: new Date(now.getTime() + lockMinutes * 60_000), attempts: sql`${emailOutbox.attempts} + 1` })
      .where(inArray(emailOutbox.id, due.map((d) => d.id)))
      .returning();
  });
  for (const email of claimed) {
    try {
      const attachments = await renderAttachments(ctx, email.attachments, email.createdAt);
      await mailer.send({ to: email.toAddress, subject: email.subject, text: email.bodyText, attachments });
      await ctx.db
        .update(emailOutbox)
        .set({ status: 'sent', sentAt: ctx.clock.now(), lockedUntil: null, lastError: null })
        .where(eq(emailOutbox.id, email.id));
    } catch (error) {
      const failedForGood = email.attempts >= maxAttempts;
      await ctx.db
        .update(emailOutbox)
        .set({
          status: failedForGood ? 'failed' : 'pending',
          lockedUntil: null,
          lastError: String((error as Error).message ?? error).slice(0, 1000),
          nextAttemptAt: new Date(ctx.clock.now().getTime() + retryDelayMs(email.attempts)),
        })
        .where(eq(emailOutbox.id, email.id));
    }
  }
  return claimed.length;
}

/** Runs delivery every `intervalMs` until stopped; one run at a time. */
export function startOutboxWorker(ctx: DomainContext, mailer: Mailer, intervalMs: number, log: (line: string) => void) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => deliverDueEmails(ctx, mailer)).catch((error) => log(`Outbox delivery failed: ${error}`));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
