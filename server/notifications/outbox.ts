import { emailOutbox } from '../db/schema';
import type { WriteContext } from '../context';

export interface Email {
  to: string;
  subject: string;
  bodyText: string;
}

/** Queues an email in the caller's transaction: it is sent only if the change commits. */
export async function enqueueEmail(ctx: WriteContext, email: Email): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.insert(emailOutbox).values({
    toAddress: email.to,
    subject: email.subject,
    bodyText: email.bodyText,
    nextAttemptAt: now,
    createdAt: now,
  });
}
