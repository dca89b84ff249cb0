import { and, asc, eq } from 'drizzle-orm';
import { scopeCondition } from '../access/permissions';
import type { ActorContext } from '../context';
import { units } from '../db/schema';

export interface UnitNode {
  id: string;
  name: string;
  kind: 'district' | 'region' | 'association';
  trainsWithCentre: boolean;
  active: boolean;
  children: UnitNode[];
}

/**
 * The organisation's units the actor may see, as a tree. A coordinator sees only their
 * subtree, whose top unit then stands as a root.
 */
export async function getUnitTree(ctx: ActorContext, organisationId: string): Promise<UnitNode[]> {
  const rows = await ctx.db
    .select({
      id: units.id,
      parentId: units.parentId,
      name: units.name,
      kind: units.kind,
      trainsWithCentre: units.trainsWithCentre,
      active: units.active,
    })
    .from(units)
    .where(
      and(
        eq(units.organisationId, organisationId),
        scopeCondition(ctx.actor, 'unit.list', { organisationId: units.organisationId, unitPath: units.path }),
      ),
    )
    .orderBy(asc(units.name));
  const nodes = new Map(rows.map((row) => [row.id, { ...row, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const { parentId, ...node } of nodes.values()) {
    const parent = parentId ? nodes.get(parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
