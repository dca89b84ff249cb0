import { type Language, type T, locales } from '../../app/i18n';
import type { HourUse } from './hour-use';
import { type AgeGroup, type Dimension, type Figures, type GenderKey, ageGroups, genderKeys, noFigures } from './query';

/** How a cell is shown and exported: text, a count, hours or euros (integer hundredths / cents), a change in per cent (tenths). */
export type CellKind = 'text' | 'count' | 'hours' | 'euros' | 'change';
export type Cell = string | number | null;

/** A table of the statistics page, which is also exported as it is (CSV and XLSX). */
export interface StatisticsTable {
  id: TableId | 'authorityReport';
  title: string;
  columns: { header: string; kind: CellKind }[];
  rows: Cell[][];
}

export const tableIds = ['years', 'organisations', 'units', 'types', 'topics', 'months', 'genders', 'ages', 'hourUse'] as const;
export type TableId = (typeof tableIds)[number];

export const tableDimension: Record<Exclude<TableId, 'hourUse'>, Dimension> = {
  years: 'year',
  organisations: 'organisation',
  units: 'unit',
  types: 'type',
  topics: 'topicClass',
  months: 'month',
  genders: 'gender',
  ages: 'ageGroup',
};

/** The month's name ("tammikuu 2027"), for the key of a "YYYY-MM" row. */
export const monthName = (language: Language, month: string, style: 'long' | 'short' = 'long') =>
  new Intl.DateTimeFormat(locales[language], { month: style, ...(style === 'long' ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(new Date(`${month}-15T00:00:00Z`));

/** Change from the year before in tenths of a per cent; null when there is nothing to compare with. */
const change = (now: number, before: number | undefined) => (before ? Math.round(((now - before) * 1000) / before) : null);

interface Names {
  organisations: Map<string, string>;
  units: Map<string, { name: string; path: string }>;
}

/** The tables of the figures, in the page's order; each key turned into its name in the reader's language. */
export function statisticsTables(t: T, language: Language, figures: Map<Dimension, Map<string, Figures>>, names: Names, hourUse: HourUse | null): StatisticsTable[] {
  const trainingColumns = [
    { header: t('statistics.columns.trainings'), kind: 'count' as const },
    { header: t('statistics.columns.plannedHours'), kind: 'hours' as const },
    { header: t('statistics.columns.realisedHours'), kind: 'hours' as const },
    { header: t('statistics.columns.participations'), kind: 'count' as const },
    { header: t('statistics.columns.people'), kind: 'count' as const },
    { header: t('statistics.columns.firstTimers'), kind: 'count' as const },
    { header: t('statistics.columns.countedAttendance'), kind: 'count' as const },
    { header: t('statistics.columns.supportPaid'), kind: 'euros' as const },
  ];
  const trainingCells = (f: Figures): Cell[] => [f.trainings, f.plannedHundredths, f.realisedHundredths, f.participations, f.people, f.firstTimers, f.countedAttendance, f.supportPaidCents];
  const personColumns = trainingColumns.filter((_, i) => i >= 3 && i <= 5);
  const personCells = (f: Figures): Cell[] => [f.participations, f.people, f.firstTimers];
  const tables: StatisticsTable[] = [];
  const add = (id: TableId, keyHeader: string, rows: [string, Figures][], person = false) => {
    if (!figures.has(tableDimension[id as Exclude<TableId, 'hourUse'>])) return;
    tables.push({ id, title: t(`statistics.tables.${id}`), columns: [{ header: keyHeader, kind: 'text' }, ...(person ? personColumns : trainingColumns)], rows: rows.map(([label, f]) => [label, ...(person ? personCells(f) : trainingCells(f))]) });
  };
  const entries = (d: Dimension) => [...(figures.get(d)?.entries() ?? [])];

  const years = entries('year').sort(([a], [b]) => Number(a) - Number(b));
  if (figures.has('year')) {
    const byYear = new Map(years);
    tables.push({
      id: 'years',
      title: t('statistics.tables.years'),
      columns: [
        { header: t('statistics.keys.year'), kind: 'text' },
        ...trainingColumns,
        { header: t('statistics.columns.changeTrainings'), kind: 'change' },
        { header: t('statistics.columns.changeHours'), kind: 'change' },
        { header: t('statistics.columns.changeParticipations'), kind: 'change' },
      ],
      rows: years.map(([year, f]) => {
        const before = byYear.get(String(Number(year) - 1));
        return [year, ...trainingCells(f), change(f.trainings, before?.trainings), change(f.realisedHundredths, before?.realisedHundredths), change(f.participations, before?.participations)];
      }),
    });
  }
  add('organisations', t('statistics.keys.organisation'), entries('organisation').map(([id, f]) => [names.organisations.get(id) ?? id, f] as [string, Figures]).sort(([a], [b]) => a.localeCompare(b, locales[language])));
  add(
    'units',
    t('statistics.keys.unit'),
    entries('unit')
      .map(([id, f]) => [names.units.get(id)?.name ?? id, f] as [string, Figures])
      .sort(([a], [b]) => a.localeCompare(b, locales[language])),
  );
  add('types', t('statistics.keys.type'), entries('type').map(([type, f]) => [t(`trainings.types.${type as 'course'}`), f]));
  add('topics', t('statistics.keys.topicClass'), entries('topicClass').map(([topic, f]) => [topic ? t(`trainings.topicClasses.${topic as 'other'}`) : t('statistics.noTopic'), f]));
  add('months', t('statistics.keys.month'), entries('month').sort(([a], [b]) => a.localeCompare(b)).map(([month, f]) => [monthName(language, month), f]));
  const genders = figures.get('gender');
  add('genders', t('statistics.keys.gender'), genderKeys.map((g: GenderKey) => [g === 'notTold' ? t('statistics.notTold') : t(`participants.genders.${g}`), genders?.get(g) ?? noFigures()]), true);
  const ages = figures.get('ageGroup');
  add('ages', t('statistics.keys.ageGroup'), ageGroups.map((a: AgeGroup) => [t(`statistics.ageGroups.${a}`), ages?.get(a) ?? noFigures()]), true);
  if (hourUse) {
    const grantHeader = hourUse.grant?.kind === 'allocation' ? t('statistics.columns.allocation') : t('statistics.columns.grant');
    tables.push({
      id: 'hourUse',
      title: t('statistics.tables.hourUse', { year: hourUse.year }),
      columns: [
        { header: t('statistics.keys.month'), kind: 'text' },
        { header: t('statistics.columns.plannedCumulative'), kind: 'hours' },
        { header: t('statistics.columns.realisedCumulative'), kind: 'hours' },
        ...(hourUse.grant ? [{ header: grantHeader, kind: 'hours' as const }] : []),
      ],
      rows: hourUse.planned.map((planned, i) => [
        monthName(language, `${hourUse.year}-${String(i + 1).padStart(2, '0')}`),
        planned,
        hourUse.realised[i]!,
        ...(hourUse.grant ? [hourUse.grant.hundredths] : []),
      ]),
    });
  }
  return tables;
}
