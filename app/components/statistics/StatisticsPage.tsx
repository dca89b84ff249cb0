import { Form } from 'react-router';
import { ErrorSummary, FormState, SelectField, TextField } from '../forms';
import { useI18n } from '../../i18n/react';
import type { FieldErrors } from '../../forms/validation';
import { formatHundredths } from '../../../server/hours/format';
import type { HourUse } from '../../../server/statistics/hour-use';
import type { StatisticsOverview } from '../../../server/statistics/overview';
import type { StatisticsQuery } from '../../../server/statistics/query';
import { type StatisticsTable, monthName } from '../../../server/statistics/tables';
import { topicClasses, trainingTypes } from '../../../server/trainings/kinds';
import { HourUseChart } from './HourUseChart';
import { MonthlyBarChart } from './MonthlyBarChart';
import { StatisticsTableSection, useCellText } from './StatisticsTables';

export interface StatisticsPageData {
  /** Where the tables download from (the page's own export route). */
  exportPath: string;
  filters: { values: Record<string, string>; errors: FieldErrors };
  query: StatisticsQuery | null;
  units: { id: string; name: string; path: string }[];
  organisations: { id: string; name: string }[];
  overview: StatisticsOverview | null;
}

const unitDepth = (path: string) => path.split('/').length - 3;

/** The statistics of an organisation or of the centre: filters, totals, the two charts and every table with its downloads. */
export function StatisticsPage({ data, centre }: { data: StatisticsPageData; centre: boolean }) {
  const { t, language, number } = useI18n();
  const { query, overview, filters } = data;
  const cellText = useCellText();
  const labels = {
    firstYear: t('statistics.filters.firstYear'),
    lastYear: t('statistics.filters.lastYear'),
    unit: t('statistics.filters.unit'),
    organisation: t('statistics.filters.organisation'),
    type: t('statistics.filters.type'),
    topic: t('statistics.filters.topicClass'),
  };
  const search = new URLSearchParams(
    query
      ? {
          firstYear: String(query.firstYear),
          lastYear: String(query.lastYear),
          ...(query.unitId ? { unit: query.unitId } : {}),
          ...(centre && query.organisationId ? { organisation: query.organisationId } : {}),
          ...(query.type ? { type: query.type } : {}),
          ...(query.topicClass ? { topic: query.topicClass } : {}),
        }
      : {},
  );
  const download = (table: StatisticsTable['id'], format: 'csv' | 'xlsx') => `${data.exportPath}?${new URLSearchParams([...search, ['table', table], ['format', format]])}`;
  return (
    <>
      <FormState errors={filters.errors} values={filters.values}>
        <Form method="get" role="search" aria-label={t('statistics.filters.legend')} className="my-4">
          <ErrorSummary errors={filters.errors} labels={labels} />
          <div className="flex flex-wrap items-end gap-x-4">
            <TextField name="firstYear" label={labels.firstYear} inputMode="numeric" required={false} defaultValue={query ? String(query.firstYear) : ''} />
            <TextField name="lastYear" label={labels.lastYear} inputMode="numeric" required={false} defaultValue={query ? String(query.lastYear) : ''} />
            {!centre && data.units.length > 0 && (
              <SelectField
                name="unit"
                label={labels.unit}
                placeholder={t('statistics.filters.allUnits')}
                defaultValue={query?.unitId ?? ''}
                options={data.units.map((u) => ({ value: u.id, label: `${'– '.repeat(Math.max(0, unitDepth(u.path)))}${u.name}` }))}
              />
            )}
            {centre && (
              <SelectField name="organisation" label={labels.organisation} placeholder={t('statistics.filters.allOrganisations')} defaultValue={query?.organisationId ?? ''} options={data.organisations.map((o) => ({ value: o.id, label: o.name }))} />
            )}
            <SelectField name="type" label={labels.type} placeholder={t('statistics.filters.allTypes')} defaultValue={query?.type ?? ''} options={trainingTypes.map((type) => ({ value: type, label: t(`trainings.types.${type}`) }))} />
            <SelectField name="topic" label={labels.topic} placeholder={t('statistics.filters.allTopics')} defaultValue={query?.topicClass ?? ''} options={topicClasses.map((c) => ({ value: c, label: t(`trainings.topicClasses.${c}`) }))} />
            <p className="mb-4">
              <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
                {t('statistics.filters.apply')}
              </button>
            </p>
          </div>
        </Form>
      </FormState>
      {query && overview && (
        <>
          <section aria-labelledby="statistics-totals" className="mb-8">
            <h2 id="statistics-totals">
              {t('statistics.totals')} {query.firstYear === query.lastYear ? query.firstYear : `${query.firstYear}–${query.lastYear}`}
            </h2>
            {overview.totals.trainings === 0 && <p>{t('statistics.empty')}</p>}
            <dl className="grid max-w-4xl grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4">
              {(
                [
                  ['trainings', 'count', overview.totals.trainings],
                  ['plannedHours', 'hours', overview.totals.plannedHundredths],
                  ['realisedHours', 'hours', overview.totals.realisedHundredths],
                  ['participations', 'count', overview.totals.participations],
                  ['people', 'count', overview.totals.people],
                  ['firstTimers', 'count', overview.totals.firstTimers],
                  ['countedAttendance', 'count', overview.totals.countedAttendance],
                  ['supportPaid', 'euros', overview.totals.supportPaidCents],
                ] as const
              ).map(([key, kind, value]) => (
                <div key={key} className="rounded border border-slate-300 bg-white p-3">
                  <dt className="text-sm text-slate-700">{t(`statistics.columns.${key}`)}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{cellText(kind, value)}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-2 max-w-3xl text-sm text-slate-700">{t('statistics.peopleNote')}</p>
          </section>
          {overview.hourUse && <HourUseSection hourUse={overview.hourUse} table={overview.tables.find((x) => x.id === 'hourUse')!} download={download} filtered={Boolean(query.type || query.topicClass)} />}
          <MonthlySection overview={overview} year={query.lastYear} number={number} />
          {overview.tables
            .filter((table) => table.id !== 'hourUse')
            .map((table) => (
              <StatisticsTableSection key={table.id} table={table} download={download} />
            ))}
          <p className="mb-8 max-w-3xl text-sm text-slate-700">{t('statistics.personNote')}</p>
        </>
      )}
    </>
  );
}

function MonthlySection({ overview, year, number }: { overview: StatisticsOverview; year: number; number: (value: number, digits?: number) => string }) {
  const { t, language } = useI18n();
  const cellText = useCellText();
  const busiest = overview.monthly.reduce((best, m) => (m.trainings > best.trainings ? m : best), overview.monthly[0]!);
  const trainings = overview.monthly.reduce((sum, m) => sum + m.trainings, 0);
  const participations = overview.monthly.reduce((sum, m) => sum + m.participations, 0);
  const title = `${t('statistics.charts.monthlyTitle')} ${year}`;
  const summary = trainings === 0 ? t('statistics.charts.monthlySummaryEmpty') : t('statistics.charts.monthlySummary', { month: monthName(language, busiest.month), count: number(busiest.trainings), trainings: number(trainings), participations: number(participations) });
  return (
    <section aria-labelledby="chart-monthly" className="mb-8">
      <h2 id="chart-monthly">{title}</h2>
      <MonthlyBarChart
        title={title}
        description={t('statistics.charts.monthlyDescription')}
        summary={summary}
        months={overview.monthly.map((m) => monthName(language, m.month, 'short'))}
        series={[
          { label: t('statistics.columns.trainings'), values: overview.monthly.map((m) => m.trainings) },
          { label: t('statistics.columns.participations'), values: overview.monthly.map((m) => m.participations) },
        ]}
        format={(value) => number(value, value % 1 ? 1 : 0)}
      />
      <details className="mt-2">
        <summary>{t('statistics.charts.asTable')}</summary>
        <table className="mt-2 border-collapse bg-white text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-slate-400 px-3 py-2">
                {t('statistics.keys.month')}
              </th>
              <th scope="col" className="border-b-2 border-slate-400 px-3 py-2 text-right">
                {t('statistics.columns.trainings')}
              </th>
              <th scope="col" className="border-b-2 border-slate-400 px-3 py-2 text-right">
                {t('statistics.columns.participations')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.monthly.map((m) => (
              <tr key={m.month} className="border-b border-slate-200">
                <th scope="row" className="px-3 py-2 font-normal">
                  {monthName(language, m.month)}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{cellText('count', m.trainings)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{cellText('count', m.participations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** The hour use of the last year against the grant: a chart, its summary and its table. */
function HourUseSection({ hourUse: use, table, download, filtered }: { hourUse: HourUse; table: StatisticsTable; download: (table: StatisticsTable['id'], format: 'csv' | 'xlsx') => string; filtered: boolean }) {
  const { t, language, number } = useI18n();
  const hours = (hundredths: number) => formatHundredths(language, hundredths);
  const planned = use.planned[11] ?? 0;
  const realised = use.realised[11] ?? 0;
  const summaryParams = { year: use.year, planned: hours(planned), realised: hours(realised), grant: use.grant ? hours(use.grant.hundredths) : '', percent: use.grant?.hundredths ? number((planned * 100) / use.grant.hundredths, 0) : '0' };
  const summary = !use.grant ? t('statistics.charts.hourUseSummaryNoGrant', summaryParams) : use.grant.kind === 'allocation' ? t('statistics.charts.hourUseSummaryAllocation', summaryParams) : t('statistics.charts.hourUseSummary', summaryParams);
  return (
    <section aria-labelledby="chart-hour-use" className="mb-8">
      <h2 id="chart-hour-use">{t('statistics.charts.hourUseTitle', { year: use.year })}</h2>
      <HourUseChart
        title={t('statistics.charts.hourUseTitle', { year: use.year })}
        description={t('statistics.charts.hourUseDescription')}
        summary={summary}
        months={Array.from({ length: 12 }, (_, i) => monthName(language, `${use.year}-${String(i + 1).padStart(2, '0')}`, 'short'))}
        series={[
          { label: t('statistics.columns.plannedCumulative'), values: use.planned.map((v) => v / 100), style: 'dashed' },
          { label: t('statistics.columns.realisedCumulative'), values: use.realised.map((v) => v / 100), style: 'solid' },
        ]}
        grant={use.grant ? { label: use.grant.kind === 'allocation' ? t('statistics.columns.allocation') : t('statistics.columns.grant'), value: use.grant.hundredths / 100 } : null}
        format={(value) => number(value, value % 1 ? 1 : 0)}
      />
      {filtered && use.grant && <p className="mt-2 max-w-3xl text-sm text-slate-700">{t('statistics.charts.grantUnfiltered')}</p>}
      <details className="mt-2">
        <summary>{t('statistics.charts.asTable')}</summary>
        <StatisticsTableSection table={table} download={download} nested />
      </details>
    </section>
  );
}
