import { Link } from 'react-router';
import type { Route } from './+types/request-queue';
import { Hours } from '../../components/Hours';
import { Table } from '../../components/Table';
import { requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { pendingRequests } from '../../../server/hours/requests';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'hours.decideRequest');
  return { pending: await pendingRequests(ctx) };
}

export default function RequestQueue({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <title>{`${t('requests.queueTitle')} – ${t('app.name')}`}</title>
      <h1>{t('requests.queueTitle')}</h1>
      {loaderData.pending.length === 0 ? (
        <p>{t('requests.queueEmpty')}</p>
      ) : (
        <Table
          caption={t('requests.queueTitle')}
          rows={loaderData.pending}
          rowKey={(r) => r.request.id}
          columns={[
            { header: t('requests.received'), cell: (r) => dateTime(r.request.createdAt) },
            { header: t('hours.organisation'), cell: (r) => <Link to={`/organisations/${r.request.organisationId}/hours/requests?year=${r.request.year}`}>{r.organisationName}</Link> },
            { header: t('hours.hoursField'), cell: (r) => <Hours hundredths={r.request.requestedHundredths} />, numeric: true },
            { header: t('proposals.justification'), cell: (r) => r.request.justification },
          ]}
        />
      )}
    </>
  );
}
