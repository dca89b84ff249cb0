import { and, eq, like, sql } from 'drizzle-orm';
import { roleHolders } from '../access/approvers';
import { writeAudit } from '../access/audit';
import type { ActorContext } from '../context';
import { roleAssignments, units, users } from '../db/schema';
import { unitPath } from './unit-path';

export type UnitKind = 'district' | 'region' | 'association';
type UnitError =
  | 'units.parentNotFound'
  | 'units.cycle'
  | 'units.hasActiveChildren'
  | 'units.parentInactive'
  | 'units.notAMember'
  | 'units.alreadyCoordinator';
export type UnitResult = { ok: true; unitId: string } | { ok: false; error: 'notFound' } | { ok: false; field: string; error: UnitError };

/** One unit of the organisation, or null (also for another organisation's unit). */
export async function getUnit(ctx: ActorContext, organisationId: string, unitId: string) {
  const [unit] = await ctx.db.select().from(units).where(and(eq(units.id, unitId), eq(units.organisationId, organisationId)));
  return unit ?? null;
}

function audit(ctx: ActorContext, organisationId: string, unitId: string, action: 'unit.created' | 'unit.updated' | 'unit.moved', details: Record<string, unknown>) {
  return writeAudit(ctx.db, ctx.clock, { action, actorUserId: ctx.actor.userId, targetType: 'unit', targetId: unitId, organisationId, details });
}

export async function createUnit(ctx: ActorContext, organisationId: string, input: { name: string; kind: UnitKind; parentId: string | null }): Promise<UnitResult> {
  const parent = input.parentId ? await getUnit(ctx, organisationId, input.parentId) : null;
  if (input.parentId && !parent) return { ok: false, field: 'parentId', error: 'units.parentNotFound' };
  if (parent && !parent.active) return { ok: false, field: 'parentId', error: 'units.parentInactive' };
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(units).values({ id, organisationId, parentId: parent?.id ?? null, path: unitPath(id, parent?.path ?? null), name: input.name, kind: input.kind });
    await audit({ ...ctx, db: tx }, organisationId, id, 'unit.created', { after: input });
  });
  return { ok: true, unitId: id };
}

export async function updateUnit(
  ctx: ActorContext,
  organisationId: string,
  unitId: string,
  input: { name: string; kind: UnitKind; trainsWithCentre: boolean; active: boolean },
): Promise<UnitResult> {
  const unit = await getUnit(ctx, organisationId, unitId);
  if (!unit) return { ok: false, error: 'notFound' };
  if (unit.active && !input.active) {
    const [child] = await ctx.db.select({ id: units.id }).from(units).where(and(eq(units.parentId, unitId), eq(units.active, true)));
    if (child) return { ok: false, field: 'active', error: 'units.hasActiveChildren' };
  }
  const before = { name: unit.name, kind: unit.kind, trainsWithCentre: unit.trainsWithCentre, active: unit.active };
  await ctx.db.transaction(async (tx) => {
    await tx.update(units).set(input).where(eq(units.id, unitId));
    await audit({ ...ctx, db: tx }, organisationId, unitId, 'unit.updated', { before, after: input });
  });
  return { ok: true, unitId };
}

/** Moves a unit (with its subtree) under another unit, or to the top; a move into its own subtree is refused. */
export async function moveUnit(ctx: ActorContext, organisationId: string, unitId: string, newParentId: string | null): Promise<UnitResult> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // Lock the organisation's units so that two moves cannot make a cycle together.
    await tx.select({ id: units.id }).from(units).where(eq(units.organisationId, organisationId)).for('update');
    const unit = await getUnit(txCtx, organisationId, unitId);
    if (!unit) return { ok: false as const, error: 'notFound' as const };
    const parent = newParentId ? await getUnit(txCtx, organisationId, newParentId) : null;
    if (newParentId && !parent) return { ok: false as const, field: 'parentId', error: 'units.parentNotFound' as const };
    if (parent?.path.startsWith(unit.path)) return { ok: false as const, field: 'parentId', error: 'units.cycle' as const };
    if (parent && !parent.active) return { ok: false as const, field: 'parentId', error: 'units.parentInactive' as const };
    const newPath = unitPath(unit.id, parent?.path ?? null);
    await tx.update(units).set({ parentId: parent?.id ?? null }).where(eq(units.id, unitId));
    await tx
      .update(units)
      .set({ path: sql`${newPath} || substr(${units.path}, ${unit.path.length + 1})` })
      .where(and(eq(units.organisationId, organisationId), like(units.path, `${unit.path}%`)));
    await audit(txCtx, organisationId, unitId, 'unit.moved', { before: { parentId: unit.parentId }, after: { parentId: parent?.id ?? null } });
    return { ok: true as const, unitId };
  });
}

/** People of the organisation who can be made a unit's coordinator. */
export async function coordinatorCandidates(ctx: ActorContext, organisationId: string) {
  return ctx.db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(roleAssignments.organisationId, organisationId), eq(users.status, 'active')))
    .orderBy(users.name);
}

export const unitCoordinators = (ctx: ActorContext, unitId: string) => roleHolders(ctx.db, { roles: ['unit_coordinator'], unitId });

export async function setCoordinator(ctx: ActorContext, organisationId: string, unitId: string, userId: string, assign: boolean): Promise<UnitResult> {
  const unit = await getUnit(ctx, organisationId, unitId);
  if (!unit) return { ok: false, error: 'notFound' };
  const candidates = await coordinatorCandidates(ctx, organisationId);
  if (assign && !candidates.some((c) => c.id === userId)) return { ok: false, field: 'userId', error: 'units.notAMember' };
  const role = { userId, role: 'unit_coordinator' as const, organisationId, unitId };
  return ctx.db.transaction(async (tx) => {
    if (assign) {
      const inserted = await tx.insert(roleAssignments).values(role).onConflictDoNothing().returning({ id: roleAssignments.id });
      if (inserted.length === 0) return { ok: false as const, field: 'userId', error: 'units.alreadyCoordinator' as const };
    } else {
      await tx
        .delete(roleAssignments)
        .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.unitId, unitId), eq(roleAssignments.role, 'unit_coordinator')));
    }
    await writeAudit(tx, ctx.clock, {
      action: assign ? 'access.roleGranted' : 'access.roleRevoked',
      actorUserId: ctx.actor.userId,
      targetType: 'user',
      targetId: userId,
      organisationId,
      details: { role: 'unit_coordinator', unitId },
    });
    return { ok: true as const, unitId };
  });
}
