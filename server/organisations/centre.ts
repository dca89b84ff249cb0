import type { DomainContext } from '../context';
import { centreSettings } from '../db/schema';

export async function getCentreSettings(ctx: DomainContext) {
  const [row] = await ctx.db.select().from(centreSettings);
  return row ?? null;
}
