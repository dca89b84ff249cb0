import { and, eq, isNull } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import { inviteUser } from '../access/invite';
import type { ActorContext } from '../context';
import { organisations } from '../db/schema';
import type { Database } from '../db/types';

export type CreateOrganisationResult =
  | { ok: true; organisationId: string }
  | { ok: false; field: 'businessId'; error: 'profile.businessIdTaken' };

/** Centre staff add a member organisation and invite its first admin, in one transaction. */
export async function createOrganisation(
  ctx: ActorContext,
  input: { name: string; businessId: string; adminEmail: string; adminName: string },
  baseUrl: string,
): Promise<CreateOrganisationResult> {
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.businessId, input.businessId));
    if (taken) return { ok: false as const, field: 'businessId' as const, error: 'profile.businessIdTaken' as const };
    const now = ctx.clock.now();
    const [organisation] = await tx
      .insert(organisations)
      .values({ name: input.name, businessId: input.businessId, membershipStart: now.toISOString().slice(0, 10), updatedAt: now, updatedBy: ctx.actor.userId })
      .returning({ id: organisations.id });
    const txCtx = { ...ctx, db: tx as unknown as Database };
    await writeAudit(tx, ctx.clock, {
      action: 'organisation.created',
      actorUserId: ctx.actor.userId,
      targetType: 'organisation',
      targetId: organisation!.id,
      organisationId: organisation!.id,
      details: { after: input },
    });
    await inviteUser(txCtx, { organisationId: organisation!.id, email: input.adminEmail, name: input.adminName, unitId: null, role: 'org_admin' }, baseUrl);
    return { ok: true as const, organisationId: organisation!.id };
  });
}

/** Ends the membership: the organisation and its history stay, read-only. */
export async function endMembership(ctx: ActorContext, organisationId: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const ended = await tx
      .update(organisations)
      .set({ endedAt: ctx.clock.now() })
      .where(and(eq(organisations.id, organisationId), isNull(organisations.endedAt)))
      .returning({ id: organisations.id });
    if (ended.length === 0) return false;
    await writeAudit(tx, ctx.clock, { action: 'organisation.membershipEnded', actorUserId: ctx.actor.userId, targetType: 'organisation', targetId: organisationId, organisationId });
    return true;
  });
}

export async function isMembershipEnded(ctx: { db: Database }, organisationId: string): Promise<boolean> {
  const [row] = await ctx.db.select({ endedAt: organisations.endedAt }).from(organisations).where(eq(organisations.id, organisationId));
  return Boolean(row?.endedAt);
}
