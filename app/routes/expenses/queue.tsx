import { Form, Link } from 'react-router';
import type { Route } from './+types/queue';
import { FilterSelect } from '../../components/FilterSelect';
import { HelpLink } from '../../components/HelpLink';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { ReportStatusTag } from '../../components/expenses/ReportStatusTag';
import { reviewFiltersSchema } from '../../forms/expenses';
import { pageParam, requirePermission } from '../../http/authorize.server';
import { formatDate } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { helsinkiDate, yearOf } from '../../../server/calendar/dates';
import { formatEuros } from '../../../server/expenses/format';
import { expenseReportStatuses } from '../../../server/expenses/kinds';
import { listReportsForReview } from '../../../server/expenses/lists';
import { formatHundredths } from '../../../server/hours/format';
import { trainingOrganisations } from '../../../server/trainings/list';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'expenseReport.review');
  const query = reviewFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listReportsForReview(ctx, {
    status: query.status,
    organisationId: query.organisationId || null,
    year: query.year ? Number(query.year) : null,
    late: query.late === '1',
    audit: query.audit === '1',
    page: pageParam(request),
  });
  const currentYear = yearOf(helsinkiDate(ctx.clock.now()));
  return {
    ...page,
    filters: { status: query.status, organisationId: query.organisationId, year: query.year, late: query.late ?? '', audit: query.audit ?? '' },
    organisations: await trainingOrganisations(ctx),
    years: Array.from({ length: 6 }, (_, i) => String(currentYear - i)),
  };
}

export default function ReviewQueue({ loaderData }: Route.ComponentProps) {
  const { t, number, language } = useI18n();
  const { rows, filters, total } = loaderData;
  const yesOnly = [
    { value: '', label: t('expenses.queue.any') },
    { value: '1', label: t('expenses.queue.only') },
  ];
  return (
    <>
      <title>{`${t('expenses.queue.title')} – ${t('app.name')}`}</title>
      <h1>{t('expenses.queue.title')}</h1>
      <HelpLink area="expenses" />
      <p className="mb-4 max-w-3xl">{t('expenses.queue.intro')}</p>
      <Form method="get" role="search" aria-label={t('expenses.queue.filters')} className="my-4 flex flex-wrap items-end gap-3">
        <FilterSelect name="status" label={t('expenses.status')} value={filters.status} options={expenseReportStatuses.map((s) => ({ value: s, label: t(`expenses.statuses.${s}`) }))} />
        <FilterSelect name="organisationId" label={t('trainings.organisation')} value={filters.organisationId} options={[{ value: '', label: t('trainings.allOrganisations') }, ...loaderData.organisations.map((o) => ({ value: o.id, label: o.name }))]} />
        <FilterSelect name="year" label={t('trainings.year')} value={filters.year} options={[{ value: '', label: t('trainings.allYears') }, ...loaderData.years.map((y) => ({ value: y, label: y }))]} />
        <FilterSelect name="late" label={t('expenses.queue.late')} value={filters.late} options={yesOnly} />
        <FilterSelect name="audit" label={t('expenses.queue.audit')} value={filters.audit} options={yesOnly} />
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t('trainings.show')}
        </button>
      </Form>
      <p className="mb-2" role="status">
        {t('expenses.queue.count', { count: number(total), support: formatEuros(language, loaderData.supportCents) })}
      </p>
      {rows.length === 0 ? (
        <p>{filters.status === 'submitted' && !filters.organisationId && !filters.year && !filters.late && !filters.audit ? t('expenses.queue.empty') : t('expenses.queue.noMatches')}</p>
      ) : (
        <Table
          caption={t('expenses.queue.title')}
          rows={rows}
          rowKey={(r) => r.trainingId}
          columns={[
            { header: t('trainings.name'), cell: (r) => <Link to={`/organisations/${r.organisationId}/trainings/${r.trainingId}/expense-report`}>{r.trainingName}</Link> },
            { header: t('trainings.organisation'), cell: (r) => r.organisationName },
            { header: t('expenses.queue.submitted'), cell: (r) => (r.submittedAt ? formatDate(language, new Date(r.submittedAt)) : '–') },
            { header: t('expenses.queue.version'), cell: (r) => number(r.version), numeric: true },
            {
              header: t('expenses.queue.marks'),
              cell: (r) => (
                <span className="flex flex-wrap gap-1">
                  {r.late && <ReportStatusTag status="late" />}
                  {r.audit && <ReportStatusTag status="audit" />}
                  {r.audit && r.receiptsChecked && <span className="text-sm">{t('expenses.queue.receiptsChecked')}</span>}
                </span>
              ),
            },
            { header: t('expenses.queue.hours'), cell: (r) => formatHundredths(language, r.realisedHundredths), numeric: true },
            { header: t('expenses.queue.support'), cell: (r) => formatEuros(language, r.supportCents), numeric: true },
          ]}
        />
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} />
    </>
  );
}
