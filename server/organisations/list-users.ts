import { and, asc, countDistinct, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Action } from '../access/actions';
import { scopeCondition } from '../access/permissions';
import type { Role } from '../access/roles';
import type { ActorContext } from '../context';
import { roleAssignments, units, userStatus, users } from '../db/schema';
import { type Page, pageOffset, pageSize, toPage } from '../pagination';
import { escapeLike } from '../text';

export type UserStatus = (typeof userStatus.enumValues)[number];

export interface OrganisationUserRow {
  id: string;
  name: string;
  email: string;
  status: UserStatus;
  roles: { role: Role; unitName: string | null }[];
}

export interface UserFilters {
  search?: string | undefined;
  role?: Role | undefined;
  unitId?: string | undefined;
  status?: UserStatus | undefined;
}

/** People holding a role in the organisation, filtered and limited in SQL to what the actor may see. */
export async function listOrganisationUsers(
  ctx: ActorContext,
  organisationId: string,
  options: { page: number } & UserFilters,
): Promise<Page<OrganisationUserRow>> {
  const pattern = options.search ? `%${escapeLike(options.search)}%` : null;
  const where = and(
    eq(roleAssignments.organisationId, organisationId),
    scopeCondition(ctx.actor, 'user.list', { organisationId: roleAssignments.organisationId, unitPath: units.path }),
    options.role ? eq(roleAssignments.role, options.role) : undefined,
    options.unitId ? eq(roleAssignments.unitId, options.unitId) : undefined,
    options.status ? eq(users.status, options.status) : undefined,
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
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
      .innerJoin(users, eq(users.id, roleAssignments.userId))
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

/** The organisation's units the actor may choose for `action`, as options for filters and forms, in tree order. */
export async function unitOptions(ctx: ActorContext, organisationId: string, action: Action = 'unit.list') {
  return ctx.db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), scopeCondition(ctx.actor, action, { organisationId: units.organisationId, unitPath: units.path })))
    .orderBy(asc(units.path));
}
