import { type SQL, and, eq, inArray, like, sql } from 'drizzle-orm';
import { scopeCondition } from '../access/permissions';
import type { ActorContext } from '../context';
import { expenseReports, paymentBatches, payments, sessionAttendanceCounts, trainingParticipants, trainings, units } from '../db/schema';
import { queryRows } from '../db/query-rows';
import { type Dimension, type Figures, type StatisticsQuery, noFigures, personDimensions } from './query';

/** How each breakdown's key is read off a counted training (`t`) or participation (`p`). */
const keyOf: Record<Dimension, SQL> = {
  total: sql`''`,
  organisation: sql`organisation_id::text`,
  unit: sql`unit_id::text`,
  type: sql`type::text`,
  topicClass: sql`topic_class`,
  month: sql`month`,
  year: sql`year::text`,
  gender: sql`gender`,
  ageGroup: sql`age_group`,
  organisationTopic: sql`organisation_id::text || '|' || topic_class`,
};

/** The trainings counted, one row each with what it adds up to; scoped to what the viewer may see. */
async function countedTrainings(ctx: ActorContext, query: StatisticsQuery, unitPath: string | null) {
  const conditions: SQL[] = [
    scopeCondition(ctx.actor, 'statistics.view', { organisationId: trainings.organisationId, unitPath: units.path }),
    sql`${trainings.status} not in ('draft', 'cancelled')`,
    sql`${trainings.year} between ${query.firstYear} and ${query.lastYear}`,
  ];
  if (query.organisationId) conditions.push(eq(trainings.organisationId, query.organisationId));
  if (unitPath) conditions.push(like(units.path, `${unitPath}%`));
  if (query.type) conditions.push(eq(trainings.type, query.type));
  if (query.topicClass) conditions.push(eq(trainings.topicClass, query.topicClass));
  if (query.realisedOnly) conditions.push(eq(expenseReports.status, 'approved'));
  if (query.withoutPeerGroups) conditions.push(sql`${trainings.type} <> 'peerGroup'`);
  return sql`select ${trainings.id} as id, ${trainings.organisationId} as organisation_id, ${trainings.unitId} as unit_id, ${trainings.type} as type,
      ${trainings.topicClass} as topic_class, ${trainings.year} as year, to_char(${trainings.startsOn}, 'YYYY-MM') as month,
      -- Hours are minutes ÷ 45 rounded half up once per training, as everywhere else.
      (200 * ${trainings.teachingMinutes} + 45) / 90 as planned,
      case when ${expenseReports.status} = 'approved' then ${expenseReports.realisedHundredths} else 0 end as realised,
      case when ${paymentBatches.status} = 'paid' then ${expenseReports.supportCents} else 0 end as paid,
      case when ${trainings.attendanceMode} = 'counts'
        then coalesce((select max(${sessionAttendanceCounts.adults} + ${sessionAttendanceCounts.minors}) from ${sessionAttendanceCounts} where ${sessionAttendanceCounts.trainingId} = ${trainings.id}), 0)
        else 0 end as counted
    from ${trainings}
    join ${units} on ${units.id} = ${trainings.unitId}
    left join ${expenseReports} on ${expenseReports.trainingId} = ${trainings.id}
    left join ${payments} on ${payments.id} = ${expenseReports.paymentId}
    left join ${paymentBatches} on ${paymentBatches.id} = ${payments.batchId}
    where ${and(...conditions)}`;
}

interface Row {
  dimension: Dimension;
  key: string;
  trainings: string;
  planned: string;
  realised: string;
  paid: string;
  counted: string;
  participations: string;
  people: string;
  first_timers: string;
}

/**
 * The figures of the counted trainings, in total and broken down by each of `breakdowns`. A unit
 * filter takes the unit's whole subtree. Everything is summed in SQL: trainings once, and the
 * participations (each a person in a training) separately, so that joins do not count twice.
 */
export async function statisticsFigures(
  ctx: ActorContext,
  query: StatisticsQuery,
  breakdowns: readonly Dimension[],
  /** Only the trainings' own figures (hours, support): the participations, the costly part, are left at 0. */
  options: { trainingsOnly?: boolean } = {},
): Promise<Map<Dimension, Map<string, Figures>>> {
  const unitPath = query.unitId ? ((await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, query.unitId)))[0]?.path ?? null) : null;
  if (query.unitId && !unitPath) return new Map(breakdowns.map((d) => [d, new Map()]));
  const wanted = [...new Set<Dimension>(['total', ...breakdowns])];
  const trainingSelects = wanted
    .filter((d) => !personDimensions.includes(d))
    .map(
      (d) => sql`select ${d}::text as dimension, ${keyOf[d]} as key, count(*) as trainings, sum(planned) as planned, sum(realised) as realised, sum(paid) as paid, sum(counted) as counted,
        0 as participations, 0 as people, 0 as first_timers from t group by 2`,
    );
  // Each person once per key first (a hash aggregate), then counted: much cheaper than count(distinct).
  const personSelects = (options.trainingsOnly ? [] : wanted).map(
    (d) => sql`select ${d}::text as dimension, key, 0, 0, 0, 0, 0, sum(n), count(*), count(*) filter (where first_time)
      from (select ${keyOf[d]} as key, person, count(*) as n, bool_or(first_time) as first_time from p group by 1, 2) people group by key`,
  );
  const rows = await queryRows<Row>(
    ctx.db,
    sql`with t as materialized (${await countedTrainings(ctx, query, unitPath)}),
      p as ${options.trainingsOnly ? sql`not materialized` : sql`materialized`} (
        select t.*, ${trainingParticipants.firstTimeThisYear} as first_time,
          -- A person is their email, or without one their name and birth year.
          case when ${trainingParticipants.email} <> '' then lower(${trainingParticipants.email}) else lower(${trainingParticipants.name}) || ':' || ${trainingParticipants.birthYear} end as person,
          coalesce(${trainingParticipants.gender}::text, 'notTold') as gender,
          case when t.year - ${trainingParticipants.birthYear} < 15 then 'under15' when t.year - ${trainingParticipants.birthYear} < 30 then 'from15to29'
               when t.year - ${trainingParticipants.birthYear} < 45 then 'from30to44' when t.year - ${trainingParticipants.birthYear} < 65 then 'from45to64' else 'over64' end as age_group
        from t join ${trainingParticipants} on ${trainingParticipants.trainingId} = t.id and ${trainingParticipants.status} = 'registered'
      )
      ${sql.join([...trainingSelects, ...personSelects], sql` union all `)}`,
  );
  const result = new Map<Dimension, Map<string, Figures>>(wanted.map((d) => [d, new Map()]));
  for (const row of rows) {
    const byKey = result.get(row.dimension)!;
    const figures = byKey.get(row.key) ?? noFigures();
    figures.trainings += Number(row.trainings);
    figures.plannedHundredths += Number(row.planned);
    figures.realisedHundredths += Number(row.realised);
    figures.supportPaidCents += Number(row.paid);
    figures.countedAttendance += Number(row.counted);
    figures.participations += Number(row.participations);
    figures.people += Number(row.people);
    figures.firstTimers += Number(row.first_timers);
    byKey.set(row.key, figures);
  }
  return result;
}

/** The names of the units and organisations the keys of the breakdowns are. */
export async function unitNames(ctx: ActorContext, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; path: string }>();
  const rows = await ctx.db.select({ id: units.id, name: units.name, path: units.path }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, path: r.path }]));
}
