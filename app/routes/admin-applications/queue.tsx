import { Link } from 'react-router';
import type { Route } from './+types/queue';
import { StatusTag } from '../../components/StatusTag';
import { Table } from '../../components/Table';
import { requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { applicationQueue } from '../../../server/admin-applications/applications';
import { statusTone } from './apply';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'adminApplication.review');
  return applicationQueue(ctx);
}

type Row = Route.ComponentProps['loaderData']['waiting'][number];

export default function Queue({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const columns = [
    { header: t('adminApplication.page.applicant'), cell: (a: Row) => <Link to={`/admin-applications/${a.id}`}>{`${a.applicantName} (${a.applicantEmail})`}</Link> },
    { header: t('adminApplication.page.organisation'), cell: (a: Row) => a.organisationName },
    { header: t('adminApplication.page.created'), cell: (a: Row) => dateTime(a.createdAt) },
    { header: t('adminApplication.page.status'), cell: (a: Row) => <StatusTag tone={statusTone[a.status]}>{t(`adminApplication.page.statuses.${a.status}`)}</StatusTag> },
  ];
  return (
    <>
      <title>{`${t('adminApplication.page.queue')} – ${t('app.name')}`}</title>
      <h1>{t('adminApplication.page.queue')}</h1>
      <h2>{t('adminApplication.page.waiting')}</h2>
      {loaderData.waiting.length === 0 ? <p>{t('adminApplication.page.noneWaiting')}</p> : <Table caption={t('adminApplication.page.waiting')} rows={loaderData.waiting} rowKey={(a) => a.id} columns={columns} />}
      {loaderData.decided.length > 0 && (
        <>
          <h2>{t('adminApplication.page.decided')}</h2>
          <Table caption={t('adminApplication.page.decided')} rows={loaderData.decided} rowKey={(a) => a.id} columns={columns} />
        </>
      )}
    </>
  );
}
