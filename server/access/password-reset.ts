import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { formatDateTime } from '../../app/i18n';
import type { DomainContext } from '../context';
import { roleAssignments, sessions, signInAttempts, users } from '../db/schema';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { writeAudit } from './audit';
import { hashPassword } from './passwords';
import { type TokenCheck, consumeToken, issueToken } from './tokens';

/**
 * Emails a one-hour reset link when the address belongs to an account that signs in with a
 * password. The caller answers the same either way, so the form reveals nothing.
 */
export async function requestPasswordReset(ctx: DomainContext, input: { email: string; ip: string | null }, baseUrl: string): Promise<void> {
  const email = input.email.trim().toLowerCase();
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .selectDistinct({ id: users.id, name: users.name, email: users.email, language: users.language })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      // Participants sign in with emailed links, never a password.
      .where(and(eq(users.email, email), inArray(users.status, ['active', 'pending']), ne(roleAssignments.role, 'participant')));
    if (!user) return;
    const token = await issueToken(tx, ctx.clock, 'password_reset', user.id);
    await enqueueTemplatedEmail({ db: tx, clock: ctx.clock }, user, 'passwordReset', { name: user.name, url: `${baseUrl}/reset-password?token=${token}` });
    await writeAudit(tx, ctx.clock, { action: 'auth.passwordResetRequested', actorUserId: null, targetType: 'user', targetId: user.id, ip: input.ip });
  });
}

/** Sets a new password from a reset link, ends every session, and lifts a sign-in block. */
export async function resetPassword(ctx: DomainContext, input: { token: string; password: string; ip: string | null }): Promise<TokenCheck> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const used = await consumeToken(tx, ctx.clock, 'password_reset', input.token);
    if (!used.ok) return used;
    const now = ctx.clock.now();
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now })
      .where(eq(users.id, used.userId))
      .returning({ id: users.id, name: users.name, email: users.email, language: users.language });
    await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, user!.id), isNull(sessions.revokedAt)));
    await tx.delete(signInAttempts).where(and(eq(signInAttempts.email, user!.email), eq(signInAttempts.succeeded, false)));
    await enqueueTemplatedEmail({ db: tx, clock: ctx.clock }, user!, 'passwordChanged', {
      name: user!.name,
      when: formatDateTime(user!.language, now),
    });
    await writeAudit(tx, ctx.clock, { action: 'auth.passwordReset', actorUserId: user!.id, targetType: 'user', targetId: user!.id, ip: input.ip });
    return used;
  });
}
