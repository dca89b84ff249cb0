import { type Language, locales, translator } from '../../app/i18n';
import type { ActorContext } from '../context';
import { topicClasses } from '../trainings/kinds';
import { statisticsOrganisations } from './choices';
import { statisticsFigures } from './figures';
import { type Figures, noFigures } from './query';
import type { StatisticsTable } from './tables';

/**
 * The centre's yearly figures for the education authorities: realised teaching hours and participants
 * by organisation and topic class, with a total row. Realised: trainings whose expense report is approved.
 */
export async function authorityReport(ctx: ActorContext, year: number, language: Language): Promise<StatisticsTable> {
  const t = translator(language);
  const query = { firstYear: year, lastYear: year, organisationId: null, unitId: null, type: null, topicClass: null, realisedOnly: true };
  const [figures, organisations] = await Promise.all([statisticsFigures(ctx, query, ['organisationTopic']), statisticsOrganisations(ctx)]);
  const byKey = figures.get('organisationTopic')!;
  const topicOrder = (topic: string) => (topic ? topicClasses.indexOf(topic as (typeof topicClasses)[number]) : topicClasses.length);
  const cells = (f: Figures) => [f.trainings, f.realisedHundredths, f.participations, f.people, f.countedAttendance];
  const rows = organisations
    .sort((a, b) => a.name.localeCompare(b.name, locales[language]))
    .flatMap((organisation) =>
      [...byKey.entries()]
        .filter(([key]) => key.startsWith(`${organisation.id}|`))
        .map(([key, f]) => ({ topic: key.slice(organisation.id.length + 1), f }))
        .sort((a, b) => topicOrder(a.topic) - topicOrder(b.topic))
        .map(({ topic, f }) => [organisation.name, organisation.businessId, topic ? t(`trainings.topicClasses.${topic as 'other'}`) : t('statistics.noTopic'), ...cells(f)]),
    );
  const total = figures.get('total')!.get('') ?? noFigures();
  return {
    id: 'authorityReport',
    title: t('statistics.report.sheet', { year }),
    columns: [
      { header: t('statistics.report.columns.organisation'), kind: 'text' },
      { header: t('statistics.report.columns.businessId'), kind: 'text' },
      { header: t('statistics.report.columns.topicClass'), kind: 'text' },
      { header: t('statistics.report.columns.trainings'), kind: 'count' },
      { header: t('statistics.report.columns.realisedHours'), kind: 'hours' },
      { header: t('statistics.report.columns.participations'), kind: 'count' },
      { header: t('statistics.report.columns.people'), kind: 'count' },
      { header: t('statistics.report.columns.countedAttendance'), kind: 'count' },
    ],
    rows: [...rows, [t('statistics.report.total'), '', '', ...cells(total)]],
  };
}
