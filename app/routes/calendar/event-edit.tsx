import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/event-edit';
import { CalendarEventForm } from '../../components/CalendarEventForm';
import { Notice } from '../../components/Notice';
import { DangerButton } from '../../components/forms';
import { calendarEventSchema, deleteCalendarEventSchema } from '../../forms/calendar';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { saveEventForm } from '../../http/calendar-event.server';
import { requireYear } from '../../http/year.server';
import { readIntentForm } from '../../http/form.server';
import { translateDynamic } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { deleteCalendarEvent, getCalendarEvent } from '../../../server/calendar/events';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'calendar.edit');
  const year = requireYear(params.year);
  const event = await getCalendarEvent(ctx.db, year, requireUuid(params.eventId));
  if (!event) throw data(null, { status: 404 });
  return { event };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'calendar.edit');
  const year = requireYear(params.year);
  const eventId = requireUuid(params.eventId);
  const form = await readIntentForm(request, { save: calendarEventSchema, delete: deleteCalendarEventSchema });
  if (form.intent === 'delete' && form.ok) {
    const result = await deleteCalendarEvent(ctx, year, eventId);
    if (!result.ok && result.error === 'notFound') throw data(null, { status: 404 });
    if (!result.ok) return data({ ok: false as const, errors: { _form: { key: result.error } }, values: {} }, { status: 409 });
    throw redirect(`/calendar?year=${year}`);
  }
  if (form.intent !== 'save') return data(form, { status: 400 });
  const saved = await saveEventForm(ctx, year, eventId, form);
  if ('failed' in saved) return saved.failed;
  throw redirect(`/calendar?year=${year}`);
}

export default function EditCalendarEvent({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { event } = loaderData;
  const deleteRefused = actionData && !actionData.ok && actionData.errors._form?.key === 'calendar.errors.windowCannotBeDeleted';
  return (
    <>
      <title>{`${t('calendar.editEventTitle', { year: event.year })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/calendar?year=${event.year}`}>{t('calendar.back', { year: event.year })}</Link>
      </p>
      <h1>{t('calendar.editEventTitle', { year: event.year })}</h1>
      {deleteRefused && <Notice tone="error">{translateDynamic(language, 'calendar.errors.windowCannotBeDeleted')}</Notice>}
      <CalendarEventForm event={event} serverState={actionData && !deleteRefused ? actionData : undefined} />
      {!event.window && (
        <Form method="post" className="mt-8 border-t border-slate-300 pt-4">
          <input type="hidden" name="intent" value="delete" />
          <DangerButton>{t('calendar.deleteEvent')}</DangerButton>
        </Form>
      )}
    </>
  );
}
