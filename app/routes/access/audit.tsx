import type { Route } from './+types/audit';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { pageParam, requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { listAudit } from '../../../server/access/list-audit';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'audit.read');
  return listAudit(ctx, { page: pageParam(request) });
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const actionLabel = (action: string) => {
    const labels: Record<string, string> = t('audit.actions', { returnObjects: true });
    return labels[action] ?? action;
  };
  return (
    <>
      <title>{`${t('audit.title')} – ${t('app.name')}`}</title>
      <h1>{t('audit.title')}</h1>
      {loaderData.rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <Table
          caption={t('audit.title')}
          rows={loaderData.rows}
          rowKey={(row) => String(row.id)}
          columns={[
            { header: t('audit.at'), cell: (row) => dateTime(row.at) },
            { header: t('audit.actor'), cell: (row) => row.actorName ?? '–' },
            { header: t('audit.action'), cell: (row) => actionLabel(row.action) },
            {
              header: t('audit.details'),
              cell: (row) => (
                <code className="text-sm break-all">{[row.ip, Object.keys(row.details).length ? JSON.stringify(row.details) : ''].filter(Boolean).join(' ')}</code>
              ),
            },
          ]}
        />
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} />
    </>
  );
}
