import { and, asc, countDistinct, eq, inArray } from 'drizzle-orm';
import { scopeCondition } from '../access/permissions';
import type { Role } from '../access/roles';
import type { ActorContext } from '../context';
import { roleAssignments, units, users } from '../db/schema';
import { type Page, pageOffset, pageSize, toPage } from '../pagination';

export interface OrganisationUserRow {
  id: string;
  name: string;
  email: string;
  status: 'active' | 'pending' | 'deactivated';
  roles: { role: Role; unitName: string | null }[];
}

/** People holding a role in the organisation, limited in SQL to what the actor may see. */
export async function listOrganisationUsers(
  ctx: ActorContext,
  organisationId: string,
  options: { page: number },
): Promise<Page<OrganisationUserRow>> {
  const where = and(
    eq(roleAssignments.organisationId, organisationId),
    scopeCondition(ctx.actor, 'user.list', { organisationId: roleAssignments.organisationId, unitPath: units.path }),
  );
  const [pageUsers, [total]] = await Promise.all([
    ctx.db
      .selectDistinct({ id: users.id, name: users.name, email: users.email, status: users.status })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .leftJoin(units, eq(units.id, roleAssignments.unitId))
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(pageSize)
      .offset(pageOffset(options.page)),
    ctx.db
      .select({ n: countDistinct(roleAssignments.userId) })
      .from(roleAssignments)
      .leftJoin(units, eq(units.id, roleAssignments.unitId))
      .where(where),
  ]);
  const ids = pageUsers.map((u) => u.id);
  const grants = ids.length
    ? await ctx.db
        .select({ userId: roleAssignments.userId, role: roleAssignments.role, unitName: units.name })
        .from(roleAssignments)
        .leftJoin(units, eq(units.id, roleAssignments.unitId))
        .where(and(inArray(roleAssignments.userId, ids), eq(roleAssignments.organisationId, organisationId)))
        .orderBy(asc(roleAssignments.role))
    : [];
  const rows = pageUsers.map((user) => ({
    ...user,
    roles: grants.filter((g) => g.userId === user.id).map(({ role, unitName }) => ({ role, unitName })),
  }));
  return toPage(rows, total?.n ?? 0, options.page);
}
