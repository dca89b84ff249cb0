import { Link, data } from 'react-router';
import type { Route } from './+types/organisation';
import { HelpLink } from '../../components/HelpLink';
import { StatisticsPage } from '../../components/statistics/StatisticsPage';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { statisticsPageData } from '../../http/statistics.server';
import { useI18n } from '../../i18n/react';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { partialScope } from '../../../server/statistics/overview';

/** An organisation's statistics: its admins see all of it, a coordinator their units' subtree, staff any organisation's. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'statistics.view', { organisationId });
  const organisation = await getOrganisation(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  return statisticsPageData(ctx, request, organisationId, {
    organisationId,
    organisationName: organisation.name,
    partial: partialScope(ctx, organisationId).length > 0,
    exportPath: `/organisations/${organisationId}/statistics/export`,
  });
}

export default function OrganisationStatistics({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <>
      <title>{`${t('statistics.organisationTitle', { organisation: loaderData.organisationName })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${loaderData.organisationId}`}>{loaderData.organisationName}</Link>
      </p>
      <h1>{t('statistics.organisationTitle', { organisation: loaderData.organisationName })}</h1>
      <HelpLink area="statistics" />
      <p className="max-w-3xl">
        {t('statistics.intro')} {loaderData.partial && t('statistics.coordinatorIntro')}
      </p>
      <StatisticsPage data={loaderData} centre={false} />
    </>
  );
}
