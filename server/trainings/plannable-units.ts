import { and, asc, eq } from 'drizzle-orm';
import { can } from '../access/permissions';
import type { ActorContext } from '../context';
import { units } from '../db/schema';

/** The organisation's active units that train with the centre and for which the actor may plan, in tree order. */
export async function plannableUnits(ctx: ActorContext, organisationId: string) {
  const rows = await ctx.db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.active, true), eq(units.trainsWithCentre, true)))
    .orderBy(asc(units.path));
  return rows.filter((unit) => can(ctx.actor, 'training.plan', { organisationId, unitPath: unit.path, ownerUserId: ctx.actor.userId }));
}
