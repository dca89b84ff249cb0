import { Link, data, redirect } from 'react-router';
import { YearNavigation } from '../../components/YearNavigation';
import type { Route } from './+types/timeline';
import { CalendarEventItem } from '../../components/CalendarEventItem';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { ChoiceGroup, SubmitButton, ValidatedForm } from '../../components/forms';
import { createCalendarSchema } from '../../forms/calendar';
import { requirePermission } from '../../http/authorize.server';
import { yearParam } from '../../http/year.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { helsinkiDate } from '../../../server/calendar/dates';
import { eventPhase } from '../../../server/calendar/timeline';
import { createYearCalendar, storedCalendarYears, yearCalendar } from '../../../server/calendar/year-calendar';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'calendar.view');
  const year = yearParam(request, ctx.clock);
  const [calendar, storedYears] = await Promise.all([yearCalendar(ctx.db, year), storedCalendarYears(ctx.db)]);
  const today = helsinkiDate(ctx.clock.now());
  return {
    calendar,
    phases: calendar.events.map((e) => eventPhase(e, today)),
    previousStored: storedYears.includes(year - 1),
    canEdit: can(ctx.actor, 'calendar.edit'),
    canSubscribe: can(ctx.actor, 'calendar.subscribe'),
    created: new URL(request.url).searchParams.has('created'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'calendar.edit');
  const year = yearParam(request, ctx.clock);
  const form = await readForm(request, createCalendarSchema);
  if (!form.ok) return data(form, { status: 400 });
  const result = await createYearCalendar(ctx, year, form.data.source);
  if (!result.ok) return data({ ok: false as const, errors: { _form: { key: result.error } }, values: form.data as Record<string, string> }, { status: 409 });
  throw redirect(`/calendar?year=${year}&created=1`);
}

export default function Timeline({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { calendar, phases, canEdit } = loaderData;
  const { year } = calendar;
  const sourceOptions = [
    { value: 'template', label: t('calendar.sourceTemplate') },
    ...(loaderData.previousStored ? [{ value: 'previousYear', label: t('calendar.sourcePreviousYear', { year: year - 1 }) }] : []),
  ];
  return (
    <>
      <title>{`${t('calendar.title', { year })} – ${t('app.name')}`}</title>
      <h1>{t('calendar.title', { year })}</h1>
      <HelpLink area="calendar" />
      <YearNavigation year={year}>
        {loaderData.canSubscribe && <Link to="/calendar/subscription">{t('calendar.subscribeLink')}</Link>}
      </YearNavigation>
      {loaderData.created && calendar.stored && <Notice tone="ok">{t('calendar.created', { year })}</Notice>}
      {!calendar.stored && <p className="mb-4 max-w-3xl border-l-4 border-warn-700 bg-white p-3">{t('calendar.notCreated', { year })}</p>}
      {actionData && calendar.stored && <Notice tone="error">{t('calendar.errors.exists')}</Notice>}
      {canEdit && !calendar.stored && (
        <section aria-labelledby="create-title" className="mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4">
          <h2 id="create-title" className="mt-0">
            {t('calendar.createTitle', { year })}
          </h2>
          <ValidatedForm method="post" action={`/calendar?year=${year}`} schema={createCalendarSchema} serverState={actionData} labels={{ source: t('calendar.source') }}>
            <input type="hidden" name="intent" value="create" />
            <ChoiceGroup name="source" legend={t('calendar.source')} type="radio" options={sourceOptions} defaultValues={[loaderData.previousStored ? 'previousYear' : 'template']} />
            <SubmitButton>{t('calendar.create', { year })}</SubmitButton>
          </ValidatedForm>
        </section>
      )}
      <section aria-labelledby="events-title">
        <h2 id="events-title">{t('calendar.eventsTitle')}</h2>
        {canEdit && calendar.stored && (
          <p className="mb-3">
            <Link to={`/calendar/${year}/events/new`}>{t('calendar.addEvent')}</Link>
          </p>
        )}
        <ol className="max-w-3xl space-y-3">
          {calendar.events.map((event, i) => (
            <CalendarEventItem key={event.id ?? `${event.window}-${event.startsOn}`} event={event} phase={phases[i]!}>
              {canEdit && event.id && (
                <p className="mt-2">
                  <Link to={`/calendar/${year}/events/${event.id}`}>{t('calendar.editEvent')}</Link>
                </p>
              )}
            </CalendarEventItem>
          ))}
        </ol>
      </section>
    </>
  );
}
