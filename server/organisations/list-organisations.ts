import { and, asc, count, eq, ilike, sql } from 'drizzle-orm';
import { scopeCondition } from '../access/permissions';
import type { ActorContext } from '../context';
import { organisations, roleAssignments, units } from '../db/schema';
import { type Page, pageOffset, pageSize, toPage } from '../pagination';

export interface OrganisationRow {
  id: string;
  name: string;
  businessId: string;
  endedAt: Date | null;
  unitCount: number;
  userCount: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The organisations the actor may see, filtered in SQL, with unit and user counts. */
export async function listOrganisations(
  ctx: ActorContext,
  options: { search?: string; page: number },
): Promise<Page<OrganisationRow>> {
  const visible = scopeCondition(ctx.actor, 'organisation.list', { organisationId: organisations.id });
  const where = options.search ? and(visible, ilike(organisations.name, `%${escapeLike(options.search)}%`)) : visible;
  const unitCounts = ctx.db
    .select({ organisationId: units.organisationId, n: count().as('unit_n') })
    .from(units)
    .groupBy(units.organisationId)
    .as('unit_counts');
  const userCounts = ctx.db
    .select({
      organisationId: roleAssignments.organisationId,
      n: sql<number>`count(distinct ${roleAssignments.userId})`.as('user_n'),
    })
    .from(roleAssignments)
    .groupBy(roleAssignments.organisationId)
    .as('user_counts');
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: organisations.id,
        name: organisations.name,
        businessId: organisations.businessId,
        endedAt: organisations.endedAt,
        unitCount: sql<number>`coalesce(${unitCounts.n}, 0)::int`,
        userCount: sql<number>`coalesce(${userCounts.n}, 0)::int`,
      })
      .from(organisations)
      .leftJoin(unitCounts, eq(unitCounts.organisationId, organisations.id))
      .leftJoin(userCounts, eq(userCounts.organisationId, organisations.id))
      .where(where)
      .orderBy(asc(organisations.name), asc(organisations.id))
      .limit(pageSize)
      .offset(pageOffset(options.page)),
    ctx.db.select({ n: count() }).from(organisations).where(where),
  ]);
  return toPage(rows, total?.n ?? 0, options.page);
}
