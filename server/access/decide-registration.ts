import { eq } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { users } from '../db/schema';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { activeOrganisationAdmins, rolesInOrganisation } from './approvers';
import { writeAudit } from './audit';
import { hasCentreRole } from './roles';

export type DecisionResult =
  | { ok: true }
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'forbidden'; message: 'registration.organisationHasAdmin' }
  | { ok: false; error: 'conflict'; message: 'registration.notPending' };

/**
 * Approves or rejects a pending registration. Centre staff decide only for organisations that
 * have no admin of their own. The person is emailed either way.
 */
export async function decideRegistration(
  ctx: ActorContext,
  input: { organisationId: string; userId: string; approve: boolean; reason: string },
  baseUrl: string,
): Promise<DecisionResult> {
  if ((await rolesInOrganisation(ctx.db, input.userId, input.organisationId)).length === 0) return { ok: false, error: 'notFound' };
  const isOwnAdmin = ctx.actor.grants.some((g) => g.role === 'org_admin' && g.organisationId === input.organisationId);
  if (!isOwnAdmin && hasCentreRole(ctx.actor) && (await activeOrganisationAdmins(ctx.db, input.organisationId)).length > 0) {
    return { ok: false, error: 'forbidden', message: 'registration.organisationHasAdmin' };
  }
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!user || user.status !== 'pending') return { ok: false as const, error: 'conflict' as const, message: 'registration.notPending' as const };
    await tx.update(users).set({ status: input.approve ? 'active' : 'rejected' }).where(eq(users.id, user.id));
    const write = { db: tx, clock: ctx.clock };
    if (input.approve) {
      await enqueueTemplatedEmail(write, user, 'registrationApproved', { name: user.name, url: `${baseUrl}/login` });
    } else {
      await enqueueTemplatedEmail(write, user, 'registrationRejected', { name: user.name, reason: input.reason || '–' });
    }
    await writeAudit(tx, ctx.clock, {
      action: input.approve ? 'account.approved' : 'account.rejected',
      actorUserId: ctx.actor.userId,
      targetType: 'user',
      targetId: user.id,
      organisationId: input.organisationId,
      details: { before: { status: 'pending' }, after: { status: input.approve ? 'active' : 'rejected' }, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { ok: true as const };
  });
}
