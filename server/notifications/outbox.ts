import { emailOutbox } from '../db/schema';
import type { WriteContext } from '../context';
import type { AttachmentRef } from './attachment-ref';

export interface Email {
  to: string;
  subject: string;
  bodyText: string;
  attachments?: AttachmentRef[];
}

/** Queues emails in the caller's transaction (one insert): they are sent only if the change commits. */
export async function enqueueEmails(ctx: WriteContext, emails: Email[]): Promise<void> {
  if (emails.length === 0) return;
  const now = ctx.clock.now();
  await ctx.db
    .insert(emailOutbox)
    .values(emails.map((email) => ({ toAddress: email.to, subject: email.subject, bodyText: email.bodyText, attachments: email.attachments ?? [], nextAttemptAt: now, createdAt: now })));
}

export const enqueueEmail = (ctx: WriteContext, email: Email) => enqueueEmails(ctx, [email]);
