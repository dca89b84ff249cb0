import { eq } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { users } from '../db/schema';

/** Remembers the language for the user's emails and next sessions. */
export async function setOwnLanguage(ctx: ActorContext, language: 'fi' | 'sv' | 'en'): Promise<void> {
  await ctx.db.update(users).set({ language }).where(eq(users.id, ctx.actor.userId));
}
