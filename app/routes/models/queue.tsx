import { Link } from 'react-router';
import type { Route } from './+types/queue';
import { HelpLink } from '../../components/HelpLink';
import { Table } from '../../components/Table';
import { ModelStatusTag } from '../../components/models/ModelStatusTag';
import { requirePermission } from '../../http/authorize.server';
import { formatDate } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { formatCredits } from '../../../server/models/format';
import { modelsForReview } from '../../../server/models/lists';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'model.review');
  return { models: await modelsForReview(ctx) };
}

/** Staff's queue: the models waiting for review or under it, oldest submission first. */
export default function ModelQueue({ loaderData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  return (
    <>
      <title>{`${t('models.queue.title')} – ${t('app.name')}`}</title>
      <h1>{t('models.queue.title')}</h1>
      <HelpLink area="models" />
      {loaderData.models.length === 0 ? (
        <p>{t('models.queue.empty')}</p>
      ) : (
        <Table
          caption={t('models.queue.title')}
          rows={loaderData.models}
          rowKey={(m) => `${m.modelId}-${m.version}`}
          columns={[
            { header: t('models.name'), cell: (m) => <Link to={`/organisations/${m.organisationId}/models/${m.modelId}`}>{m.name || '–'}</Link> },
            { header: t('models.queue.organisation'), cell: (m) => m.organisationName },
            { header: t('models.version'), cell: (m) => m.version, numeric: true },
            { header: t('models.status'), cell: (m) => <ModelStatusTag status={m.status} /> },
            { header: t('models.queue.submitted'), cell: (m) => (m.submittedAt ? formatDate(language, new Date(m.submittedAt)) : '–') },
            { header: t('models.creditsColumn'), cell: (m) => (m.creditTenths === null ? '–' : `${formatCredits(language, m.creditTenths)} op`), numeric: true },
          ]}
        />
      )}
    </>
  );
}
