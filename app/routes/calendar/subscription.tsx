import { Form, Link, data } from 'react-router';
import type { Route } from './+types/subscription';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { DangerButton, SubmitButton } from '../../components/forms';
import { feedSchema } from '../../forms/calendar';
import { requirePermission } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { readForm } from '../../http/form.server';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { createFeedToken, feedCreatedAt, revokeFeedToken } from '../../../server/calendar/feed';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'calendar.subscribe');
  return { createdAt: await feedCreatedAt(ctx.db, ctx.actor.userId) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'calendar.subscribe');
  const form = await readForm(request, feedSchema);
  if (!form.ok) return data({ ...form, feedUrl: null, revoked: false }, { status: 400 });
  if (form.data.intent === 'revoke') {
    await revokeFeedToken(ctx);
    return { ok: true as const, feedUrl: null, revoked: true };
  }
  const token = await createFeedToken(ctx);
  return { ok: true as const, feedUrl: `${baseUrl(context)}/calendar/feed/${token}.ics`, revoked: false };
}

export default function Subscription({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { createdAt } = loaderData;
  const feedUrl = actionData?.feedUrl;
  return (
    <>
      <title>{`${t('calendar.subscriptionTitle')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/calendar">{t('calendar.backToCalendar')}</Link>
      </p>
      <h1>{t('calendar.subscriptionTitle')}</h1>
      <HelpLink area="calendar" />
      <p className="mb-4 max-w-3xl">{t('calendar.subscriptionIntro')}</p>
      {actionData?.revoked && <Notice tone="ok">{t('calendar.feedRevoked')}</Notice>}
      {actionData && !actionData.ok && <Notice tone="error">{t('forms.invalidValue')}</Notice>}
      {feedUrl && (
        <section aria-labelledby="feed-url-title" className="mb-6 max-w-3xl rounded border-2 border-ok-700 bg-white p-4">
          <h2 id="feed-url-title" className="mt-0">
            {t('calendar.feedUrlTitle')}
          </h2>
          <p className="mb-2">{t('calendar.feedUrlOnce')}</p>
          <label htmlFor="feed-url" className="block font-semibold">
            {t('calendar.feedUrlLabel')}
          </label>
          <input id="feed-url" readOnly value={feedUrl} className="mt-1 block w-full rounded border-2 border-slate-600 px-3 py-2 font-mono text-sm" />
        </section>
      )}
      <p className="mb-4">
        {createdAt ? t('calendar.feedActiveSince', { date: formatDateTime(language, new Date(createdAt)) }) : t('calendar.feedNone')}
      </p>
      <div className="flex flex-wrap gap-4">
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <SubmitButton>{createdAt ? t('calendar.feedRenew') : t('calendar.feedCreate')}</SubmitButton>
        </Form>
        {createdAt && (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke" />
            <DangerButton>{t('calendar.feedRevoke')}</DangerButton>
          </Form>
        )}
      </div>
    </>
  );
}
