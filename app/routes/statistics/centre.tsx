import { Link } from 'react-router';
import type { Route } from './+types/centre';
import { HelpLink } from '../../components/HelpLink';
import { StatisticsPage } from '../../components/statistics/StatisticsPage';
import { requirePermission } from '../../http/authorize.server';
import { statisticsPageData } from '../../http/statistics.server';
import { useI18n } from '../../i18n/react';

/** The centre's statistics over all organisations (or one chosen), for staff. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'statistics.centre');
  return statisticsPageData(ctx, request, null, { exportPath: '/statistics/export' });
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
