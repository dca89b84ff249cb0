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
  const isStaff = can(ctx.actor, 'announcement.send');
  // Admins are not told which other organisations were addressed, nor how many people.
  const { organisations, recipientCount, audience, ...text } = announcement;
  return {
    announcement: text,
    audience: isStaff ? { audience, recipientCount, organisations } : null,
    sent: new URL(request.url).searchParams.has('sent'),
  };
}

export default function Announcement({ loaderData }: Route.ComponentProps) {
  const { t, language, dateTime, number } = useI18n();
  const { announcement, audience } = loaderData;
  const text = announcementText(announcement, language);
  return (
    <>
      <title>{`${text.subject} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/announcements">{t('announcements.back')}</Link>
      </p>
      {loaderData.sent && audience && <Notice tone="ok">{t('announcements.sent', { recipients: number(audience.recipientCount) })}</Notice>}
      <h1>{text.subject}</h1>
      <p className="mb-4 text-slate-700">{t('announcements.sentBy', { name: announcement.sentByName, date: dateTime(announcement.sentAt) })}</p>
      <div className="mb-6 max-w-3xl whitespace-pre-line rounded border border-slate-300 bg-white p-4">{text.body}</div>
      {audience && (
        <section aria-labelledby="audience-title">
          <h2 id="audience-title">{t('announcements.audience')}</h2>
          <p>
            {t(`announcements.audiences.${audience.audience}`)} · {t('announcements.recipientCount', { recipients: number(audience.recipientCount) })}
          </p>
          {audience.organisations.length > 0 && (
            <ul className="mt-2 list-disc pl-6">
              {audience.organisations.map((o) => (
                <li key={o.id}>{o.name}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
