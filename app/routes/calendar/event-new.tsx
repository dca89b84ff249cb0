import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/event-new';
import { CalendarEventForm } from '../../components/CalendarEventForm';
import { calendarEventSchema } from '../../forms/calendar';
import { requirePermission } from '../../http/authorize.server';
import { saveEventForm } from '../../http/calendar-event.server';
import { requireYear } from '../../http/year.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { yearCalendar } from '../../../server/calendar/year-calendar';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'calendar.edit');
  const year = requireYear(params.year);
  if (!(await yearCalendar(ctx.db, year)).stored) throw data(null, { status: 404 });
  return { year };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'calendar.edit');
  const year = requireYear(params.year);
  const saved = await saveEventForm(ctx, year, null, await readForm(request, calendarEventSchema));
  if ('failed' in saved) return saved.failed;
  throw redirect(`/calendar?year=${year}`);
}

export default function NewCalendarEvent({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { year } = loaderData;
  return (
    <>
      <title>{`${t('calendar.newEventTitle', { year })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/calendar?year=${year}`}>{t('calendar.back', { year })}</Link>
      </p>
      <h1>{t('calendar.newEventTitle', { year })}</h1>
      <CalendarEventForm event={null} serverState={actionData} />
    </>
  );
}
