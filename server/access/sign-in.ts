import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import type { DomainContext } from '../context';
import type { Database } from '../db/types';
import { writeAudit } from './audit';
import { spendPasswordCheckTime, verifyPassword } from './passwords';
import { createSession, revokeSession } from './sessions';

export interface SignInInput {
  email: string;
  password: string;
  userAgent: string;
  ip: string | null;
  sessionTtlHours: number;
}

export type SignInResult = { ok: true; token: string; expiresAt: Date } | { ok: false };

/** Checks the password; the answer never tells whether the email has an account. */
export async function signIn(ctx: DomainContext<Database>, input: SignInInput): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const [user] = await ctx.db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.email, email));
  const passwordOk = user?.passwordHash
    ? await verifyPassword(input.password, user.passwordHash)
    : (await spendPasswordCheckTime(input.password), false);
  if (!user || !passwordOk || user.status !== 'active') {
    await writeAudit(ctx.db, ctx.clock, {
      action: 'auth.signInFailed',
      actorUserId: user?.id ?? null,
      details: { email, reason: !user ? 'unknownEmail' : !passwordOk ? 'wrongPassword' : user.status },
      ip: input.ip,
    });
    return { ok: false };
  }
  return ctx.db.transaction(async (tx) => {
    const session = await createSession({ db: tx, clock: ctx.clock }, user.id, input.sessionTtlHours, input.userAgent);
    await writeAudit(tx, ctx.clock, { action: 'auth.signIn', actorUserId: user.id, ip: input.ip });
    return { ok: true as const, ...session };
  });
}

export async function signOut(ctx: DomainContext<Database>, token: string, ip: string | null): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const userId = await revokeSession({ db: tx, clock: ctx.clock }, token);
    if (userId) await writeAudit(tx, ctx.clock, { action: 'auth.signOut', actorUserId: userId, ip });
  });
}
