import { inArray } from 'drizzle-orm';
import { type Language, translator } from '../../app/i18n';
import { centreRoles } from '../access/roles';
import type { ActorContext } from '../context';
import { organisations } from '../db/schema';
import { unitNames, statisticsFigures } from './figures';
import { type HourUse, hourUse } from './hour-use';
import { type Dimension, type Figures, type StatisticsQuery, noFigures } from './query';
import { type StatisticsTable, type TableId, statisticsTables, tableDimension } from './tables';

/** The paths of the units a coordinator sees, when they see only part of the organisation ([] for its admins and staff). */
export function partialScope(ctx: ActorContext, organisationId: string | null): string[] {
  const whole = ctx.actor.grants.some((g) => centreRoles.includes(g.role) || (g.role === 'org_admin' && g.organisationId === organisationId));
  if (whole || !organisationId) return [];
  return ctx.actor.grants.flatMap((g) => (g.role === 'unit_coordinator' && g.organisationId === organisationId && g.unitPath ? [g.unitPath] : []));
}

export interface StatisticsOverview {
  totals: Figures;
  tables: StatisticsTable[];
  /** Null when only another table was asked for. */
  hourUse: HourUse | null;
  /** Trainings and (named) participations per month of the last year, for the monthly chart, as in the months table. */
  monthly: { month: string; trainings: number; participations: number }[];
}

/**
 * Everything the statistics page shows: an organisation's (by unit) or the centre's (by organisation),
 * with the figures, the tables (each also a download), and the hour use against the grant.
 */
export async function statisticsOverview(ctx: ActorContext, query: StatisticsQuery, language: Language, only?: TableId): Promise<StatisticsOverview> {
  const byWhom: Dimension = query.organisationId ? 'unit' : 'organisation';
  const every: Dimension[] = ['year', byWhom, 'type', 'topicClass', 'month', 'gender', 'ageGroup'];
  // A download computes its one table: the participations' breakdowns are what costs.
  const breakdowns = only ? (only === 'hourUse' ? [] : [tableDimension[only]]) : every;
  const [figures, use] = await Promise.all([
    statisticsFigures(ctx, query, breakdowns, { trainingsOnly: only === 'hourUse' }),
    !only || only === 'hourUse' ? hourUse(ctx, query, partialScope(ctx, query.organisationId)) : null,
  ]);
  const keys = [...(figures.get(byWhom)?.keys() ?? [])];
  const [units, organisationRows] = await Promise.all([
    byWhom === 'unit' ? unitNames(ctx, keys) : new Map<string, { name: string; path: string }>(),
    byWhom === 'organisation' && keys.length ? ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, keys)) : [],
  ]);
  const tables = statisticsTables(translator(language), language, figures, { units, organisations: new Map(organisationRows.map((o) => [o.id, o.name])) }, use);
  const months = figures.get('month') ?? new Map<string, Figures>();
  const monthly = Array.from({ length: 12 }, (_, i) => {
    const month = `${query.lastYear}-${String(i + 1).padStart(2, '0')}`;
    const f = months.get(month) ?? noFigures();
    return { month, trainings: f.trainings, participations: f.participations };
  });
  return { totals: figures.get('total')!.get('') ?? noFigures(), tables, hourUse: use, monthly };
}
