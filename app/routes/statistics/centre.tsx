import { Link, data } from 'react-router';
import type { Route } from './+types/centre';
import { HelpLink } from '../../components/HelpLink';
import { StatisticsPage } from '../../components/statistics/StatisticsPage';
import { requirePermission } from '../../http/authorize.server';
import { requestLanguage } from '../../http/language.server';
import { readStatisticsQuery } from '../../http/statistics.server';
import { useI18n } from '../../i18n/react';
import { statisticsOverview } from '../../../server/statistics/overview';

/** The centre's statistics over all organisations (or one chosen), for staff. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'statistics.centre');
  const parsed = await readStatisticsQuery(ctx, request, null);
  const page = { exportPath: '/statistics/export', units: [], organisations: parsed.organisations };
  if (!parsed.ok) return data({ ...page, filters: { values: parsed.values, errors: parsed.errors }, query: null, overview: null }, { status: 400 });
  const overview = await statisticsOverview(ctx, parsed.query, await requestLanguage(request, ctx.actor.language));
  return { ...page, filters: { values: parsed.values, errors: {} }, query: parsed.query, overview };
}

export default function CentreStatistics({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <>
      <title>{`${t('statistics.centreTitle')} – ${t('app.name')}`}</title>
      <h1>{t('statistics.centreTitle')}</h1>
      <HelpLink area="statistics" />
      <p className="max-w-3xl">{t('statistics.intro')}</p>
      <p>
        <Link to="/statistics/report">{t('statistics.report.title')}</Link>
      </p>
      <StatisticsPage data={loaderData} centre />
    </>
  );
}
