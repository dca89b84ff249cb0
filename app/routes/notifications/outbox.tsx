import type { Route } from './+types/outbox';
import { Pagination } from '../../components/Pagination';
import { StatusTag } from '../../components/StatusTag';
import { Table } from '../../components/Table';
import { pageParam, requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { listOutbox } from '../../../server/notifications/list-outbox';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'outbox.read');
  return { smtpConfigured: context.app.smtpConfigured, ...(await listOutbox(ctx, { page: pageParam(request) })) };
}

const statusTone = { pending: 'warn', sent: 'ok', failed: 'error' } as const;

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const { t, dateTime, number } = useI18n();
  return (
    <>
      <title>{`${t('outbox.title')} – ${t('app.name')}`}</title>
      <h1>{t('outbox.title')}</h1>
      <p className="mb-4">{loaderData.smtpConfigured ? t('outbox.introSmtp') : t('outbox.intro')}</p>
      {loaderData.rows.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <Table
          caption={t('outbox.title')}
          rows={loaderData.rows}
          rowKey={(m) => String(m.id)}
          columns={[
            { header: t('outbox.created'), cell: (m) => dateTime(m.createdAt) },
            { header: t('outbox.to'), cell: (m) => m.toAddress },
            {
              header: t('outbox.subject'),
              cell: (m) => (
                <details>
                  <summary className="cursor-pointer">{m.subject}</summary>
                  <pre className="mt-2 whitespace-pre-wrap font-sans">{m.bodyText}</pre>
                  {m.attachments.length > 0 && (
                    <p className="mt-2">
                      {t('outbox.attachments')}{' '}
                      {m.attachments.map((a) => (
                        <a key={`${a.paymentId}-${a.format}`} href={`/organisations/${a.organisationId}/support/payments/${a.paymentId}/${a.format}`} className="mr-3">
                          {t('outbox.specification', { format: a.format.toUpperCase() })}
                        </a>
                      ))}
                    </p>
                  )}
                </details>
              ),
            },
            { header: t('outbox.status'), cell: (m) => <StatusTag tone={statusTone[m.status]}>{t(`outbox.statuses.${m.status}`)}</StatusTag> },
            { header: t('outbox.attempts'), cell: (m) => number(m.attempts), numeric: true },
            { header: t('outbox.lastError'), cell: (m) => m.lastError ?? '' },
          ]}
        />
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} />
    </>
  );
}
