import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import type { DomainContext } from '../context';
import type { Database } from '../db/types';
import { writeAudit } from './audit';
import { spendPasswordCheckTime, verifyPassword } from './passwords';
import { createSession, revokeSession } from './sessions';
import { checkThrottle, recordSignInAttempt } from './throttle';

export interface SignInInput {
  email: string;
  password: string;
  userAgent: string;
  ip: string | null;
  sessionTtlHours: number;
}

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  /** Only after the right password: the account exists but cannot be used yet. */
  | { ok: false; reason: 'pending' | 'unverified' }
  | { ok: false; reason: 'throttled'; blocked: boolean; retryAfterSeconds: number };

/** Checks the password; a wrong password and an unknown email get the same answer. */
export async function signIn(ctx: DomainContext<Database>, input: SignInInput): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const ip = input.ip ?? 'unknown';
  const throttle = await checkThrottle(ctx.db, ctx.clock, email, ip);
  if (!throttle.allowed) {
    await writeAudit(ctx.db, ctx.clock, {
      action: 'auth.signInThrottled',
      actorUserId: null,
      details: { email, scope: throttle.scope, blocked: throttle.blocked },
      ip,
    });
    return { ok: false, reason: 'throttled', blocked: throttle.blocked, retryAfterSeconds: throttle.retryAfterSeconds };
  }
  const [user] = await ctx.db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.email, email));
  const passwordOk = user?.passwordHash
    ? await verifyPassword(input.password, user.passwordHash)
    : (await spendPasswordCheckTime(input.password), false);
  if (user && passwordOk && (user.status === 'pending' || user.status === 'unverified')) {
    await recordSignInAttempt(ctx.db, ctx.clock, { email, ip, succeeded: true });
    return { ok: false, reason: user.status };
  }
  if (!user || !passwordOk || user.status !== 'active') {
    await ctx.db.transaction(async (tx) => {
      await recordSignInAttempt(tx, ctx.clock, { email, ip, succeeded: false });
      await writeAudit(tx, ctx.clock, {
        action: 'auth.signInFailed',
        actorUserId: user?.id ?? null,
        details: { email, reason: !user ? 'unknownEmail' : !passwordOk ? 'wrongPassword' : user.status },
        ip,
      });
    });
    return { ok: false, reason: 'invalid' };
  }
  return ctx.db.transaction(async (tx) => {
    await recordSignInAttempt(tx, ctx.clock, { email, ip, succeeded: true });
    const session = await createSession({ db: tx, clock: ctx.clock }, user.id, input.sessionTtlHours, input.userAgent);
    await writeAudit(tx, ctx.clock, { action: 'auth.signIn', actorUserId: user.id, ip });
    return { ok: true as const, ...session };
  });
}

export async function signOut(ctx: DomainContext<Database>, token: string, ip: string | null): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const userId = await revokeSession({ db: tx, clock: ctx.clock }, token);
    if (userId) await writeAudit(tx, ctx.clock, { action: 'auth.signOut', actorUserId: userId, ip });
  });
}
