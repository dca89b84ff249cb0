import { and, eq, isNull } from 'drizzle-orm';
import { translator } from '../../app/i18n';
import type { ActorContext } from '../context';
import { roleAssignments, units, users } from '../db/schema';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { getOrganisation } from '../organisations/get-organisation';
import { writeAudit } from './audit';
import { issueToken } from './tokens';

export type InvitationInput =
  | { organisationId: string; email: string; name: string; unitId: string; role: 'trainer' | 'unit_coordinator' }
  /** An organisation's first admin, invited by centre staff when they create it. */
  | { organisationId: string; email: string; name: string; unitId: null; role: 'org_admin' };

export type InvitationResult =
  | { ok: true; newAccount: boolean }
  | { ok: false; field: 'unitId'; error: 'invitation.unitNotInOrganisation' }
  | { ok: false; field: 'email'; error: 'invitation.alreadyHasRole' };

/**
 * Invites a person to a unit with a role. A new address gets an account waiting for a password
 * (a link that works once and expires); an existing account simply gets the role, and is told.
 */
export async function inviteUser(ctx: ActorContext, input: InvitationInput, baseUrl: string): Promise<InvitationResult> {
  const email = input.email.trim().toLowerCase();
  const [unit] =
    input.unitId === null
      ? [null]
      : await ctx.db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.id, input.unitId), eq(units.organisationId, input.organisationId), eq(units.active, true)));
  if (unit === undefined) return { ok: false, field: 'unitId', error: 'invitation.unitNotInOrganisation' };
  const organisation = await getOrganisation(ctx, input.organisationId);
  return ctx.db.transaction(async (tx) => {
    const write = { db: tx, clock: ctx.clock };
    const [existing] = await tx.select().from(users).where(eq(users.email, email)).for('update');
    if (existing) {
      const [already] = await tx
        .select({ id: roleAssignments.id })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.userId, existing.id),
            eq(roleAssignments.role, input.role),
            eq(roleAssignments.organisationId, input.organisationId),
            unit ? eq(roleAssignments.unitId, unit.id) : isNull(roleAssignments.unitId),
          ),
        );
      if (already && existing.status !== 'invited') return { ok: false as const, field: 'email' as const, error: 'invitation.alreadyHasRole' as const };
    }
    const user =
      existing ??
      (await tx.insert(users).values({ email, name: input.name.trim(), language: ctx.actor.language, status: 'invited' }).returning())[0]!;
    await tx
      .insert(roleAssignments)
      .values({ userId: user.id, role: input.role, organisationId: input.organisationId, unitId: unit?.id ?? null })
      .onConflictDoNothing();
    const params = { name: user.name, inviter: ctx.actor.name, organisation: organisation?.name ?? '', unit: unit?.name ?? translator(user.language)('roles.org_admin') };
    if (user.status === 'invited') {
      const token = await issueToken(tx, ctx.clock, 'invitation', user.id, ctx.actor.userId);
      await enqueueTemplatedEmail(write, user, 'invitation', { ...params, url: `${baseUrl}/invitation?token=${token}` });
    } else {
      await enqueueTemplatedEmail(write, user, 'roleAdded', { ...params, url: `${baseUrl}/login` });
    }
    await writeAudit(tx, ctx.clock, {
      action: existing ? 'access.roleGranted' : 'account.invited',
      actorUserId: ctx.actor.userId,
      targetType: 'user',
      targetId: user.id,
      organisationId: input.organisationId,
      details: { role: input.role, unitId: unit?.id ?? null, email },
    });
    return { ok: true as const, newAccount: !existing };
  });
}
