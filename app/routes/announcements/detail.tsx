import { Link, data } from 'react-router';
import type { Route } from './+types/detail';
import { Notice } from '../../components/Notice';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { announcementText, getAnnouncement } from '../../../server/notifications/announcements';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'announcement.read');
  const announcement = await getAnnouncement(ctx, requireUuid(params.announcementId));
  if (!announcement) throw data(null, { status: 404 });
  const url = new URL(request.url);
  return { announcement, isStaff: can(ctx.actor, 'announcement.send'), sent: url.searchParams.has('sent') };
}

export default function Announcement({ loaderData }: Route.ComponentProps) {
  const { t, language, dateTime, number } = useI18n();
  const { announcement, isStaff } = loaderData;
  const text = announcementText(announcement, language);
  return (
    <>
      <title>{`${text.subject} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/announcements">{t('announcements.back')}</Link>
      </p>
      {loaderData.sent && <Notice tone="ok">{t('announcements.sent', { count: announcement.recipientCount })}</Notice>}
      <h1>{text.subject}</h1>
      <p className="mb-4 text-slate-700">{t('announcements.sentBy', { name: announcement.sentByName, date: dateTime(announcement.sentAt) })}</p>
      <div className="mb-6 max-w-3xl whitespace-pre-line rounded border border-slate-300 bg-white p-4">{text.body}</div>
      {isStaff && (
        <section aria-labelledby="audience-title">
          <h2 id="audience-title">{t('announcements.audience')}</h2>
          <p>
            {t(`announcements.audiences.${announcement.audience}`)} · {t('announcements.recipientCount', { count: number(announcement.recipientCount) })}
          </p>
          {announcement.organisations.length > 0 && (
            <ul className="mt-2 list-disc pl-6">
              {announcement.organisations.map((o) => (
                <li key={o.id}>{o.name}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
