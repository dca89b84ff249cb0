import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { hourAccounts, hourTransfers, units } from '../db/schema';
import { organisationTotals } from '../hours/decisions';
import { statisticsFigures } from './figures';
import type { StatisticsQuery } from './query';

export interface HourUse {
  year: number;
  /** Cumulative teaching hours (hundredths) at the end of each month: planned, and realised. */
  planned: number[];
  realised: number[];
  /** What the hours are compared with: the grant, or for units the hours allocated to them; null when units have none. */
  grant: { kind: 'grant' | 'allocation'; hundredths: number } | null;
}

const cumulative = (values: number[]) => values.map((_, i) => values.slice(0, i + 1).reduce((a, b) => a + b, 0));

/** Hours allocated (less taken back) in the year to the units under the given paths. */
async function allocatedTo(ctx: ActorContext, year: number, paths: string[]) {
  const unitIds = ctx.db
    .select({ id: units.id })
    .from(units)
    .where(sql.join(paths.map((p) => like(units.path, `${p}%`)), sql` or `));
  const [row] = await ctx.db
    .select({
      net: sql<string>`coalesce(sum(case when ${hourTransfers.kind} = 'allocation' and ${hourTransfers.toAccountId} = ${hourAccounts.id} then ${hourTransfers.hundredths}
        when ${hourTransfers.kind} = 'allocationBack' and ${hourTransfers.fromAccountId} = ${hourAccounts.id} then -${hourTransfers.hundredths} else 0 end), 0)`,
    })
    .from(hourAccounts)
    .innerJoin(hourTransfers, sql`${hourTransfers.toAccountId} = ${hourAccounts.id} or ${hourTransfers.fromAccountId} = ${hourAccounts.id}`)
    .where(and(eq(hourAccounts.year, year), eq(hourAccounts.kind, 'unit'), inArray(hourAccounts.unitId, unitIds)));
  return Number(row?.net ?? 0);
}

/**
 * The hour use of the query's last year month by month against the grant: of the organisation, of
 * all organisations (the centre), or of the hours allocated to a unit's subtree (a unit filter, or a
 * coordinator). Peer study groups are left out: their hours come from a quota of their own.
 */
export async function hourUse(ctx: ActorContext, query: StatisticsQuery, coordinatorPaths: string[]): Promise<HourUse> {
  const year = query.lastYear;
  const months = (await statisticsFigures(ctx, { ...query, firstYear: year, withoutPeerGroups: true }, ['month'], { trainingsOnly: true })).get('month')!;
  const monthly = (pick: 'plannedHundredths' | 'realisedHundredths') => Array.from({ length: 12 }, (_, i) => months.get(`${year}-${String(i + 1).padStart(2, '0')}`)?.[pick] ?? 0);
  let grant: HourUse['grant'];
  const unitPaths = query.unitId ? ((await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, query.unitId)))[0]?.path ?? null) : null;
  const paths = unitPaths ? [unitPaths] : coordinatorPaths;
  if (paths.length > 0) {
    const allocated = await allocatedTo(ctx, year, paths);
    grant = allocated > 0 ? { kind: 'allocation', hundredths: allocated } : null;
  } else {
    const totals = await organisationTotals(ctx.db, year, query.organisationId ? [query.organisationId] : undefined);
    grant = { kind: 'grant', hundredths: [...totals.values()].reduce((sum, t) => sum + t.granted, 0) };
  }
  return { year, planned: cumulative(monthly('plannedHundredths')), realised: cumulative(monthly('realisedHundredths')), grant };
}
