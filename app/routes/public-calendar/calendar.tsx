import { Form, Link } from 'react-router';
import type { Route } from './+types/calendar';
import { FilterInput, FilterSelect } from '../../components/FilterSelect';
import { Pagination } from '../../components/Pagination';
import { Cooperation } from '../../components/public-calendar/Cooperation';
import { PlacesTag } from '../../components/public-calendar/PlacesTag';
import { publicCalendarFiltersSchema } from '../../forms/participants';
import { pageParam } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { helsinkiDate } from '../../../server/calendar/dates';
import { formatDateRange } from '../../../server/calendar/format';
import { centreBranding } from '../../../server/centre/branding';
import { regions, topicClasses } from '../../../server/trainings/kinds';
import { calendarOrganisations, listPublicTrainings } from '../../../server/trainings/public-calendar';
import { registrationState } from '../../../server/trainings/registration-state';

/** The public training calendar: no sign-in, only what the organisations have made public. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = { db: context.app.db, clock: context.app.clock };
  const query = publicCalendarFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const today = helsinkiDate(ctx.clock.now());
  const from = query.from || today;
  const [page, organisations, centre] = await Promise.all([
    listPublicTrainings(ctx, {
      search: query.q,
      region: query.region || null,
      topicClass: query.topic || null,
      from,
      to: query.to || null,
      onlineOnly: query.online === 'yes',
      organisationId: query.organisation || null,
      page: pageParam(request),
    }),
    calendarOrganisations(ctx.db, from),
    centreBranding(ctx),
  ]);
  return {
    ...page,
    rows: page.rows.map(({ description: _d, updatedAt: _u, ...row }) => ({ ...row, registration: registrationState(row, row.registered, today) })),
    filters: { ...query, from },
    organisations,
    centre,
  };
}

export default function PublicCalendar({ loaderData }: Route.ComponentProps) {
  const { t, number, language } = useI18n();
  const { rows, filters, total, centre } = loaderData;
  return (
    <>
      <title>{`${t('publicCalendar.title')} – ${centre.name}`}</title>
      <h1>{t('publicCalendar.title')}</h1>
      <Cooperation centre={centre} />
      <Form method="get" role="search" aria-label={t('publicCalendar.filters')} className="my-4 flex flex-wrap items-end gap-3">
        <FilterInput name="q" type="search" label={t('publicCalendar.search')} value={filters.q} />
        <FilterSelect name="region" label={t('publicCalendar.region')} value={filters.region} options={[{ value: '', label: t('publicCalendar.allRegions') }, ...regions.map((r) => ({ value: r, label: t(`trainings.regions.${r}`) }))]} />
        <FilterSelect name="topic" label={t('publicCalendar.topic')} value={filters.topic} options={[{ value: '', label: t('publicCalendar.allTopics') }, ...topicClasses.map((c) => ({ value: c, label: t(`trainings.topicClasses.${c}`) }))]} />
        {loaderData.organisations.length > 1 && (
          <FilterSelect name="organisation" label={t('publicCalendar.organisation')} value={filters.organisation} options={[{ value: '', label: t('publicCalendar.allOrganisations') }, ...loaderData.organisations.map((o) => ({ value: o.id, label: o.name }))]} />
        )}
        <FilterInput name="from" type="date" label={t('publicCalendar.from')} value={filters.from} />
        <FilterInput name="to" type="date" label={t('publicCalendar.to')} value={filters.to} />
        <p className="flex items-center gap-2 pb-2">
          <input id="filter-online" name="online" type="checkbox" value="yes" defaultChecked={filters.online === 'yes'} className="h-5 w-5" />
          <label htmlFor="filter-online">{t('publicCalendar.onlineOnly')}</label>
        </p>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t('publicCalendar.show')}
        </button>
      </Form>
      <p className="mb-2" role="status">
        {t('publicCalendar.count', { count: number(total) })}
      </p>
      {rows.length === 0 ? (
        <p>{t('publicCalendar.empty')}</p>
      ) : (
        <ul className="grid gap-4">
          {rows.map((row) => (
            <li key={row.id} className="rounded border border-slate-300 bg-white p-4">
              <h2 className="mb-1 text-lg">
                <Link to={`/training-calendar/${row.id}`}>{row.name}</Link>
              </h2>
              <p className="mb-1">
                {row.startsOn && row.endsOn ? formatDateRange(language, row.startsOn, row.endsOn) : ''} · {t(`trainings.modes.${row.mode}`)}
                {row.region ? ` · ${t(`trainings.regions.${row.region}`)}` : ''}
              </p>
              <p className="mb-2 text-slate-700">
                {row.organisationName} – {row.unitName}
                {row.topicClass ? ` · ${t(`trainings.topicClasses.${row.topicClass}`)}` : ''}
              </p>
              <PlacesTag registration={row.registration} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} />
      <p className="mt-8 text-sm">
        <Link to="/privacy">{t('privacy.title')}</Link>
      </p>
    </>
  );
}
