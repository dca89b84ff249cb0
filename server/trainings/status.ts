import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import { type IsoDate, helsinkiDate } from '../calendar/dates';
import type { DomainContext } from '../context';
import { trainings } from '../db/schema';
import { isUpcomingOrOngoing } from './kinds';

type Status = (typeof trainings.$inferSelect)['status'];

/** Where a submitted plan stands by the calendar: ongoing from its first day, ended after its last. */
export function statusByDate(status: Status, startsOn: IsoDate | null, endsOn: IsoDate | null, today: IsoDate): Status {
  if (!isUpcomingOrOngoing(status)) return status;
  if (endsOn && endsOn < today) return 'ended';
  if (startsOn && startsOn <= today) return 'ongoing';
  return 'submitted';
}

/** Moves submitted and ongoing trainings on by today's date (a scheduled job); returns how many moved. */
export async function advanceTrainingStatuses(ctx: DomainContext): Promise<number> {
  const now = ctx.clock.now();
  const today = helsinkiDate(now);
  const ended = await ctx.db
    .update(trainings)
    .set({ status: 'ended', updatedAt: now })
    .where(and(inArray(trainings.status, ['submitted', 'ongoing']), lt(trainings.endsOn, today)))
    .returning({ id: trainings.id });
  const started = await ctx.db
    .update(trainings)
    .set({ status: 'ongoing', updatedAt: now })
    .where(and(eq(trainings.status, 'submitted'), lte(trainings.startsOn, today), sql`${trainings.endsOn} >= ${today}`))
    .returning({ id: trainings.id });
  return ended.length + started.length;
}
