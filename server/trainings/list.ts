import { type SQL, and, asc, count, desc, eq, ilike, inArray, like, sql } from 'drizzle-orm';
import { scopeCondition } from '../access/permissions';
import { hasCentreRole, memberOrganisationIds } from '../access/roles';
import type { ActorContext } from '../context';
import { organisations, trainings, units } from '../db/schema';
import { pageOffset, pageSize, toPage } from '../pagination';
import { escapeLike } from '../text';

import type { TrainingSort } from './kinds';

type TrainingRow = typeof trainings.$inferSelect;

export interface TrainingFilters {
  year: number | null;
  organisationId: string | null;
  /** The unit and every unit under it. */
  unitId: string | null;
  status: TrainingRow['status'] | null;
  type: TrainingRow['type'] | null;
  search: string;
  sort: TrainingSort;
  descending: boolean;
  page: number;
}

const sortColumns = {
  startsOn: trainings.startsOn,
  name: trainings.name,
  hours: trainings.teachingMinutes,
  status: trainings.status,
  updated: trainings.updatedAt,
} satisfies Record<TrainingSort, unknown>;

/**
 * The trainings the actor may see (staff all, an admin their organisation, a coordinator their
 * units' subtree, a trainer their own), filtered, searched by name and sorted, a page at a time.
 */
export async function listTrainings(ctx: ActorContext, filters: TrainingFilters) {
  const conditions: (SQL | undefined)[] = [
    scopeCondition(ctx.actor, 'training.read', { organisationId: trainings.organisationId, unitPath: units.path, ownerUserId: trainings.createdBy }),
    filters.year !== null ? eq(trainings.year, filters.year) : undefined,
    filters.organisationId ? eq(trainings.organisationId, filters.organisationId) : undefined,
    filters.unitId ? like(units.path, sql`(select ${units.path} from ${units} where ${units.id} = ${filters.unitId}) || '%'`) : undefined,
    filters.status ? eq(trainings.status, filters.status) : undefined,
    filters.type ? eq(trainings.type, filters.type) : undefined,
    filters.search ? ilike(trainings.name, `%${escapeLike(filters.search)}%`) : undefined,
  ];
  const where = and(...conditions);
  const order = filters.descending ? desc : asc;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: trainings.id,
        organisationId: trainings.organisationId,
        organisationName: organisations.name,
        unitName: units.name,
        name: trainings.name,
        type: trainings.type,
        status: trainings.status,
        startsOn: trainings.startsOn,
        endsOn: trainings.endsOn,
        teachingMinutes: trainings.teachingMinutes,
      })
      .from(trainings)
      .innerJoin(units, eq(units.id, trainings.unitId))
      .innerJoin(organisations, eq(organisations.id, trainings.organisationId))
      .where(where)
      // Nulls (plans without sessions) last either way; the id keeps pages stable.
      .orderBy(sql`${order(sortColumns[filters.sort])} nulls last`, asc(trainings.id))
      .limit(pageSize)
      .offset(pageOffset(filters.page)),
    ctx.db.select({ n: count() }).from(trainings).innerJoin(units, eq(units.id, trainings.unitId)).where(where),
  ]);
  return toPage(rows, total?.n ?? 0, filters.page);
}

/** The organisations whose trainings the actor may list: all for the centre's staff, else their own. */
export async function trainingOrganisations(ctx: ActorContext): Promise<{ id: string; name: string }[]> {
  const own = [...memberOrganisationIds(ctx.actor)];
  const query = ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations);
  if (hasCentreRole(ctx.actor)) return query.orderBy(asc(organisations.name));
  return own.length ? query.where(inArray(organisations.id, own)).orderBy(asc(organisations.name)) : [];
}
