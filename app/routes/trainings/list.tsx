import { Form, Link } from 'react-router';
import type { Route } from './+types/list';
import { FilterInput, FilterSelect } from '../../components/FilterSelect';
import { HelpLink } from '../../components/HelpLink';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { TrainingStatusTag } from '../../components/trainings/TrainingStatusTag';
import { unitOption } from '../../components/UnitOptions';
import { trainingFiltersSchema } from '../../forms/trainings';
import { pageParam, requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { helsinkiDate, yearOf } from '../../../server/calendar/dates';
import { formatDateRange } from '../../../server/calendar/format';
import { formatHundredths } from '../../../server/hours/format';
import { flattenUnits } from '../../../server/organisations/flatten-units';
import { getUnitTree } from '../../../server/organisations/unit-tree';
import { trainingSorts, trainingStatuses, trainingTypes } from '../../../server/trainings/kinds';
import { listTrainings, trainingOrganisations } from '../../../server/trainings/list';
import { hundredthsFromMinutes } from '../../../server/trainings/teaching-hours';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'training.read');
  const query = trainingFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const organisations = await trainingOrganisations(ctx);
  // One organisation of their own needs no choosing; the unit filter is within one organisation.
  const organisationId = organisations.some((o) => o.id === query.organisationId) ? query.organisationId : organisations.length === 1 ? organisations[0]!.id : '';
  const units = organisationId ? flattenUnits(await getUnitTree(ctx, organisationId)).map(({ node, depth }) => unitOption(node.id, node.name, depth)) : [];
  const unitId = units.some((u) => u.value === query.unitId) ? query.unitId : '';
  const currentYear = yearOf(helsinkiDate(ctx.clock.now()));
  const year = query.year === 'all' ? null : query.year ? Number(query.year) : currentYear;
  const page = await listTrainings(ctx, {
    year,
    organisationId: organisationId || null,
    unitId: unitId || null,
    status: query.status || null,
    type: query.type || null,
    search: query.q,
    sort: query.sort,
    descending: query.dir === 'desc',
    page: pageParam(request),
  });
  return {
    ...page,
    filters: { ...query, year: year === null ? 'all' : String(year), organisationId, unitId },
    years: Array.from({ length: 6 }, (_, i) => String(currentYear + 1 - i)),
    organisations: organisations.length > 1 ? organisations : [],
    units,
    planFor: organisations.filter((o) => can(ctx.actor, 'training.plan', { organisationId: o.id })),
  };
}

export default function TrainingList({ loaderData }: Route.ComponentProps) {
  const { t, number, language } = useI18n();
  const { rows, filters, total } = loaderData;
  const filtered = filters.q || filters.status || filters.type || filters.unitId;
  const dates = (row: (typeof rows)[number]) => (row.startsOn && row.endsOn ? formatDateRange(language, row.startsOn, row.endsOn) : t('trainings.noSessions'));
  return (
    <>
      <title>{`${t('trainings.title')} – ${t('app.name')}`}</title>
      <h1>{t('trainings.title')}</h1>
      <HelpLink area="trainings" />
      <p className="mb-4 max-w-3xl">{t('trainings.intro')}</p>
      {loaderData.planFor.map((o) => (
        <p key={o.id} className="mb-2">
          <Link to={`/organisations/${o.id}/trainings/new`} className="font-semibold">
            {loaderData.planFor.length > 1 ? t('trainings.newPlanFor', { organisation: o.name }) : t('trainings.newPlan')}
          </Link>
        </p>
      ))}
      <Form method="get" role="search" aria-label={t('trainings.filters')} className="my-4 flex flex-wrap items-end gap-3">
        <FilterSelect name="year" label={t('trainings.year')} value={filters.year} options={[...loaderData.years.map((y) => ({ value: y, label: y })), { value: 'all', label: t('trainings.allYears') }]} />
        {loaderData.organisations.length > 0 && (
          <FilterSelect name="organisationId" label={t('trainings.organisation')} value={filters.organisationId} options={[{ value: '', label: t('trainings.allOrganisations') }, ...loaderData.organisations.map((o) => ({ value: o.id, label: o.name }))]} />
        )}
        {loaderData.units.length > 0 && <FilterSelect name="unitId" label={t('trainings.unit')} value={filters.unitId} options={[{ value: '', label: t('trainings.allUnits') }, ...loaderData.units]} />}
        <FilterSelect name="status" label={t('trainings.status')} value={filters.status} options={[{ value: '', label: t('trainings.allStatuses') }, ...trainingStatuses.map((s) => ({ value: s, label: t(`trainings.statuses.${s}`) }))]} />
        <FilterSelect name="type" label={t('trainings.type')} value={filters.type} options={[{ value: '', label: t('trainings.allTypes') }, ...trainingTypes.map((s) => ({ value: s, label: t(`trainings.types.${s}`) }))]} />
        <FilterInput name="q" type="search" label={t('trainings.search')} value={filters.q} />
        <FilterSelect name="sort" label={t('trainings.sort')} value={filters.sort} options={trainingSorts.map((s) => ({ value: s, label: t(`trainings.sorts.${s}`) }))} />
        <FilterSelect name="dir" label={t('trainings.direction')} value={filters.dir} options={(['asc', 'desc'] as const).map((d) => ({ value: d, label: t(`trainings.directions.${d}`) }))} />
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t('trainings.show')}
        </button>
      </Form>
      <p className="mb-2" role="status">
        {t('trainings.count', { count: number(total) })}
      </p>
      {rows.length === 0 ? (
        <p>{filtered ? t('trainings.noMatches') : t('trainings.empty')}</p>
      ) : (
        <Table
          caption={t('trainings.title')}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { header: t('trainings.name'), cell: (r) => <Link to={`/organisations/${r.organisationId}/trainings/${r.id}`}>{r.name}</Link> },
            ...(loaderData.organisations.length > 0 ? [{ header: t('trainings.organisation'), cell: (r: (typeof rows)[number]) => r.organisationName }] : []),
            { header: t('trainings.unit'), cell: (r) => r.unitName },
            { header: t('trainings.dates'), cell: dates },
            { header: t('trainings.type'), cell: (r) => t(`trainings.types.${r.type}`) },
            { header: t('trainings.status'), cell: (r) => <TrainingStatusTag status={r.status} /> },
            { header: t('trainings.hours'), cell: (r) => formatHundredths(language, hundredthsFromMinutes(r.teachingMinutes)), numeric: true },
          ]}
        />
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} />
    </>
  );
}
