import { and, asc, eq } from 'drizzle-orm';
import { scopeCondition } from '../access/permissions';
import type { ActorContext } from '../context';
import { organisations, units } from '../db/schema';

/** The units the viewer may filter an organisation's statistics by (a coordinator: their subtree), in tree order. */
export async function statisticsUnits(ctx: ActorContext, organisationId: string) {
  return ctx.db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), scopeCondition(ctx.actor, 'statistics.view', { organisationId: units.organisationId, unitPath: units.path })))
    .orderBy(asc(units.path));
}

/** Every organisation, for the centre's filter and its yearly report. */
export async function statisticsOrganisations(ctx: ActorContext) {
  return ctx.db.select({ id: organisations.id, name: organisations.name, businessId: organisations.businessId }).from(organisations).orderBy(asc(organisations.name));
}
