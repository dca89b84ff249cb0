import { Link } from 'react-router';
import type { Route } from './+types/list';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { pageParam, requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { announcementText, listAnnouncements } from '../../../server/notifications/announcements';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'announcement.read');
  const canSend = can(ctx.actor, 'announcement.send');
  const page = await listAnnouncements(ctx, pageParam(request));
  // Admins are not told whom else an announcement went to.
  const rows = page.rows.map(({ audience, recipientCount, ...row }) => ({ ...row, ...(canSend ? { audience, recipientCount } : { audience: null, recipientCount: null }) }));
  return { canSend, ...page, rows };
}

export default function Announcements({ loaderData }: Route.ComponentProps) {
  const { t, language, dateTime, number } = useI18n();
  const { canSend } = loaderData;
  return (
    <>
      <title>{`${t('announcements.title')} – ${t('app.name')}`}</title>
      <h1>{t('announcements.title')}</h1>
      {canSend && (
        <p className="mb-4">
          <Link to="/announcements/new">{t('announcements.new')}</Link>
        </p>
      )}
      {loaderData.rows.length === 0 ? (
        <p>{t('announcements.empty')}</p>
      ) : (
        <Table
          caption={t('announcements.title')}
          rows={loaderData.rows}
          rowKey={(a) => a.id}
          columns={[
            { header: t('announcements.sentAt'), cell: (a) => dateTime(a.sentAt) },
            { header: t('announcements.subject'), cell: (a) => <Link to={`/announcements/${a.id}`}>{announcementText(a, language).subject}</Link> },
            ...(canSend
              ? [
                  { header: t('announcements.audience'), cell: (a: (typeof loaderData.rows)[number]) => (a.audience ? t(`announcements.audiences.${a.audience}`) : '') },
                  { header: t('announcements.recipients'), cell: (a: (typeof loaderData.rows)[number]) => (a.recipientCount === null ? '' : number(a.recipientCount)), numeric: true },
                ]
              : []),
          ]}
        />
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} />
    </>
  );
}
