import { asc } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { organisations } from '../db/schema';

/** Every organisation, for the centre's filter and its yearly report. */
export async function statisticsOrganisations(ctx: ActorContext) {
  return ctx.db.select({ id: organisations.id, name: organisations.name, businessId: organisations.businessId }).from(organisations).orderBy(asc(organisations.name));
}
