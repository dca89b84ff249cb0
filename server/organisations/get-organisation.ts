import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context';
import { organisations } from '../db/schema';

export async function getOrganisation(ctx: DomainContext, organisationId: string) {
  const [row] = await ctx.db.select().from(organisations).where(eq(organisations.id, organisationId));
  return row ?? null;
}
