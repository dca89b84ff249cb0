import { Link } from 'react-router';
import type { Route } from './+types/list';
import { HelpLink } from '../../components/HelpLink';
import { Table } from '../../components/Table';
import { ModelStatusTag } from '../../components/models/ModelStatusTag';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { formatDate } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { formatCredits } from '../../../server/models/format';
import { listOrganisationModels } from '../../../server/models/lists';
import { getOrganisation } from '../../../server/organisations/get-organisation';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'model.read', { organisationId });
  const [organisation, models] = await Promise.all([getOrganisation(ctx, organisationId), listOrganisationModels(ctx, organisationId)]);
  return { organisationId, organisationName: organisation?.name ?? '', models, canWrite: can(ctx.actor, 'model.write', { organisationId }) };
}

/** The organisation's training models: all of them for its admins and staff, the approved ones for those who plan trainings. */
export default function ModelList({ loaderData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { organisationId, models, canWrite } = loaderData;
  const credits = (tenths: number | null) => (tenths === null ? '–' : `${formatCredits(language, tenths)} op`);
  return (
    <>
      <title>{`${t('models.title')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}`}>{loaderData.organisationName}</Link>
      </p>
      <h1>{t('models.title')}</h1>
      <HelpLink area="models" />
      <p className="mb-4 max-w-3xl">{t('models.intro')}</p>
      {canWrite && (
        <p className="mb-4">
          <Link to={`/organisations/${organisationId}/models/new`} className="inline-block rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700">
            {t('models.newModel')}
          </Link>
        </p>
      )}
      {models.length === 0 ? (
        <p>{canWrite ? t('models.empty') : t('models.emptyApproved')}</p>
      ) : (
        <Table
          caption={t('models.title')}
          rows={models}
          rowKey={(m) => m.modelId}
          columns={[
            { header: t('models.name'), cell: (m) => <Link to={`/organisations/${organisationId}/models/${m.modelId}`}>{m.name || '–'}</Link> },
            { header: t('models.version'), cell: (m) => m.version, numeric: true },
            { header: t('models.status'), cell: (m) => <ModelStatusTag status={m.status} /> },
            { header: t('models.creditsColumn'), cell: (m) => credits(m.creditTenths), numeric: true },
            { header: t('models.updated'), cell: (m) => formatDate(language, new Date(m.updatedAt)) },
          ]}
        />
      )}
    </>
  );
}
