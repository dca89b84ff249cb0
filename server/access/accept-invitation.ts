import { and, eq } from 'drizzle-orm';
import type { DomainContext } from '../context';
import { users } from '../db/schema';
import { writeAudit } from './audit';
import { hashPassword } from './passwords';
import { type TokenCheck, consumeToken } from './tokens';

/** Sets the invited person's password; the link then stops working. */
export async function acceptInvitation(ctx: DomainContext, input: { token: string; password: string }): Promise<TokenCheck> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const used = await consumeToken(tx, ctx.clock, 'invitation', input.token);
    if (!used.ok) return used;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: ctx.clock.now(), status: 'active' })
      .where(and(eq(users.id, used.userId), eq(users.status, 'invited')))
      .returning({ id: users.id });
    if (!user) return { ok: false, reason: 'used' };
    await writeAudit(tx, ctx.clock, { action: 'account.invitationAccepted', actorUserId: user.id, targetType: 'user', targetId: user.id });
    return used;
  });
}
