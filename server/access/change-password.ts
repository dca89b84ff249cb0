import { eq } from 'drizzle-orm';
import { formatDateTime } from '../../app/i18n';
import { users } from '../db/schema';
import type { ActorContext } from '../context';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { writeAudit } from './audit';
import { hashPassword, verifyPassword } from './passwords';
import { revokeOtherSessions } from './sessions';

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'currentPassword'; error: 'wrongCurrent' };

/** Changes the actor's own password, ends their other sessions and emails them a notice. */
export async function changeOwnPassword(
  ctx: ActorContext,
  input: { currentPassword: string; newPassword: string; keepSessionTokenHash: string; ip: string | null },
): Promise<ChangePasswordResult> {
  const [user] = await ctx.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    return { ok: false, field: 'currentPassword', error: 'wrongCurrent' };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const write = { db: tx, clock: ctx.clock };
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, ctx.actor.userId));
    await revokeOtherSessions(write, ctx.actor.userId, input.keepSessionTokenHash);
    await writeAudit(tx, ctx.clock, { action: 'auth.passwordChanged', actorUserId: ctx.actor.userId, ip: input.ip });
    await enqueueTemplatedEmail(write, ctx.actor, 'passwordChanged', {
      name: ctx.actor.name,
      when: formatDateTime(ctx.actor.language, now),
    });
  });
  return { ok: true };
}
