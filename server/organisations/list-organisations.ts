import { and, asc, count, countDistinct, ilike, inArray } from 'drizzle-orm';
import { scopeCondition } from '../access/permissions';
import type { ActorContext } from '../context';
import { organisations, roleAssignments, units } from '../db/schema';
import { type Page, pageOffset, pageSize, toPage } from '../pagination';
import { escapeLike } from '../text';

export interface OrganisationRow {
  id: string;
  name: string;
  businessId: string;
  endedAt: Date | null;
  unitCount: number;
  userCount: number;
}

/** The organisations the actor may see, filtered in SQL, with unit and user counts for the page shown. */
export async function listOrganisations(
  ctx: ActorContext,
  options: { search?: string; page: number },
): Promise<Page<OrganisationRow>> {
  const visible = scopeCondition(ctx.actor, 'organisation.list', { organisationId: organisations.id });
  const where = options.search ? and(visible, ilike(organisations.name, `%${escapeLike(options.search)}%`)) : visible;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ id: organisations.id, name: organisations.name, businessId: organisations.businessId, endedAt: organisations.endedAt })
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.name), asc(organisations.id))
      .limit(pageSize)
      .offset(pageOffset(options.page)),
    ctx.db.select({ n: count() }).from(organisations).where(where),
  ]);
  // Counted only for the organisations on this page, so the cost does not grow with the whole data set.
  const ids = rows.map((r) => r.id);
  const [unitCounts, userCounts] = ids.length
    ? await Promise.all([
        ctx.db
          .select({ organisationId: units.organisationId, n: count() })
          .from(units)
          .where(inArray(units.organisationId, ids))
          .groupBy(units.organisationId),
        ctx.db
          .select({ organisationId: roleAssignments.organisationId, n: countDistinct(roleAssignments.userId) })
          .from(roleAssignments)
          .where(inArray(roleAssignments.organisationId, ids))
          .groupBy(roleAssignments.organisationId),
      ])
    : [[], []];
  const unitsBy = new Map(unitCounts.map((c) => [c.organisationId, c.n]));
  const usersBy = new Map(userCounts.map((c) => [c.organisationId, c.n]));
  return toPage(
    rows.map((row) => ({ ...row, unitCount: unitsBy.get(row.id) ?? 0, userCount: usersBy.get(row.id) ?? 0 })),
    total?.n ?? 0,
    options.page,
  );
}
