import { and, eq } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { trainings, units, users } from '../db/schema';
import { hoursHeldBy } from '../hours/availability';
import { planSessions } from './plans';

/** One plan of the organisation with its unit (name and path, for authorising), owner, sessions and ledger hours. */
export async function getPlan(ctx: ActorContext, organisationId: string, trainingId: string) {
  const [row] = await ctx.db
    .select({ training: trainings, unitName: units.name, unitPath: units.path, ownerName: users.name })
    .from(trainings)
    .innerJoin(units, eq(units.id, trainings.unitId))
    .leftJoin(users, eq(users.id, trainings.createdBy))
    .where(and(eq(trainings.id, trainingId), eq(trainings.organisationId, organisationId)));
  if (!row) return null;
  const [sessions, held] = await Promise.all([planSessions(ctx.db, trainingId), hoursHeldBy(ctx.db, row.training.year, trainingId)]);
  return { ...row.training, unitName: row.unitName, unitPath: row.unitPath, ownerName: row.ownerName ?? '', sessions, held };
}

export type Plan = NonNullable<Awaited<ReturnType<typeof getPlan>>>;
