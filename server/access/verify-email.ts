import { and, eq } from 'drizzle-orm';
import type { DomainContext } from '../context';
import { roleAssignments, users } from '../db/schema';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { registrationApprovers } from './approvers';
import { writeAudit } from './audit';
import { type TokenCheck, consumeToken } from './tokens';

/** Confirms the address; the account then waits for an admin, who is emailed. */
export async function verifyEmail(ctx: DomainContext, token: string, baseUrl: string): Promise<TokenCheck> {
  return ctx.db.transaction(async (tx) => {
    const used = await consumeToken(tx, ctx.clock, 'email_verification', token);
    if (!used.ok) return used;
    const [user] = await tx
      .update(users)
      .set({ status: 'pending' })
      .where(and(eq(users.id, used.userId), eq(users.status, 'unverified')))
      .returning({ id: users.id, name: users.name, email: users.email });
    if (!user) return { ok: false, reason: 'used' };
    const [membership] = await tx
      .select({ organisationId: roleAssignments.organisationId })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, user.id));
    const organisationId = membership!.organisationId!;
    for (const approver of await registrationApprovers(tx, organisationId)) {
      await enqueueTemplatedEmail({ db: tx, clock: ctx.clock }, approver, 'registrationToApprove', {
        name: user.name,
        email: user.email,
        url: `${baseUrl}/organisations/${organisationId}/users?status=pending`,
      });
    }
    await writeAudit(tx, ctx.clock, { action: 'account.emailVerified', actorUserId: user.id, targetType: 'user', targetId: user.id, organisationId });
    return used;
  });
}
