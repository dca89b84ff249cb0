import { and, eq, isNull, ne } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { roleAssignments, sessions, users } from '../db/schema';
import { rolesInOrganisation } from './approvers';
import { writeAudit } from './audit';
import { hasCentreRole } from './roles';

export type ActivationResult =
  | { ok: true }
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'forbidden'; message: 'users.cannotDeactivateSelf' | 'users.hasOtherOrganisations' }
  | { ok: false; error: 'conflict'; message: 'users.notActive' | 'users.notDeactivated' };

/**
 * Deactivates (ending every session at once) or reactivates a user of the organisation. An org
 * admin may do it only to people whose every role is in that organisation.
 */
export async function setUserActive(
  ctx: ActorContext,
  input: { organisationId: string; userId: string; active: boolean },
): Promise<ActivationResult> {
  if ((await rolesInOrganisation(ctx.db, input.userId, input.organisationId)).length === 0) return { ok: false, error: 'notFound' };
  if (input.userId === ctx.actor.userId) return { ok: false, error: 'forbidden', message: 'users.cannotDeactivateSelf' };
  if (!hasCentreRole(ctx.actor)) {
    const [elsewhere] = await ctx.db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, input.userId),
          // A centre role has no organisation: it counts as elsewhere too.
          ne(roleAssignments.organisationId, input.organisationId),
        ),
      );
    const [centreRole] = await ctx.db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, input.userId), isNull(roleAssignments.organisationId)));
    if (elsewhere || centreRole) return { ok: false, error: 'forbidden', message: 'users.hasOtherOrganisations' };
  }
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!user) return { ok: false as const, error: 'notFound' as const };
    if (input.active ? user.status !== 'deactivated' : user.status === 'deactivated' || user.status === 'rejected') {
      return { ok: false as const, error: 'conflict' as const, message: input.active ? ('users.notDeactivated' as const) : ('users.notActive' as const) };
    }
    const status = input.active ? (user.passwordHash ? 'active' : 'invited') : 'deactivated';
    await tx.update(users).set({ status }).where(eq(users.id, user.id));
    if (!input.active) {
      await tx.update(sessions).set({ revokedAt: ctx.clock.now() }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    }
    await writeAudit(tx, ctx.clock, {
      action: input.active ? 'account.reactivated' : 'account.deactivated',
      actorUserId: ctx.actor.userId,
      targetType: 'user',
      targetId: user.id,
      organisationId: input.organisationId,
      details: { before: { status: user.status }, after: { status } },
    });
    return { ok: true as const };
  });
}
