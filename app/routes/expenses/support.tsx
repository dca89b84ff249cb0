import { Link } from 'react-router';
import type { Route } from './+types/support';
import { HelpLink } from '../../components/HelpLink';
import { Table } from '../../components/Table';
import { YearNavigation } from '../../components/YearNavigation';
import { ReportStatusTag } from '../../components/expenses/ReportStatusTag';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { yearParam } from '../../http/year.server';
import { useI18n } from '../../i18n/react';
import { formatIsoDate } from '../../../server/calendar/format';
import { formatEuros } from '../../../server/expenses/format';
import { supportOverview } from '../../../server/expenses/lists';
import { formatHundredths } from '../../../server/hours/format';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { can } from '../../../server/access/permissions';
import { accountProblem } from '../../../server/payments/account';
import { organisationPayments } from '../../../server/payments/organisation-payments';
import { BatchStatusTag } from '../../components/payments/BatchStatusTag';
import { PaymentState } from '../../components/payments/PaymentState';
import { Notice } from '../../components/Notice';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'support.view', { organisationId });
  const year = yearParam(request, ctx.clock);
  const specifications = can(ctx.actor, 'paymentSpecification.read', { organisationId });
  const [organisation, overview, paymentRows] = await Promise.all([
    getOrganisation(ctx, organisationId),
    supportOverview(ctx, organisationId, year),
    specifications ? organisationPayments(ctx, organisationId, year) : [],
  ]);
  // Approved support that no batch holds yet waits for a working account: say so where it can be fixed.
  const waiting = overview.totals.approvedCents - overview.totals.inBatchCents - overview.totals.paidCents;
  const blockedBy = waiting > 0 && organisation ? accountProblem(organisation) : null;
  return { organisationId, organisationName: organisation?.name ?? '', year, ...overview, payments: paymentRows, specifications, blockedBy, canEditProfile: can(ctx.actor, 'organisation.edit', { organisationId }) };
}

/** The organisation's support for a year: reported, approved, in a payment batch and paid, per training and in total; and its payments. */
export default function SupportOverview({ loaderData }: Route.ComponentProps) {
  const { t, language, number } = useI18n();
  const { organisationId, organisationName, year, rows, totals, payments } = loaderData;
  const euros = (cents: number) => formatEuros(language, cents);
  const figures = [
    ['reported', totals.reportedCents, totals.reported],
    ['approved', totals.approvedCents, totals.approved],
    ['inBatch', totals.inBatchCents, totals.inBatch],
    ['paid', totals.paidCents, totals.paid],
  ] as const;
  return (
    <>
      <title>{`${t('expenses.overview.title', { year })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}`}>{organisationName}</Link>
      </p>
      <h1>{t('expenses.overview.title', { year })}</h1>
      <HelpLink area="expenses" />
      <YearNavigation year={year} />
      {loaderData.blockedBy && (
        <Notice tone="warn">
          {t('payments.accountBlocked')} {t(`payments.problems.${loaderData.blockedBy}`)} {loaderData.canEditProfile && <Link to={`/organisations/${organisationId}/profile`}>{t('payments.fixAccount')}</Link>}
        </Notice>
      )}
      <dl className="mb-6 grid max-w-4xl grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map(([key, cents, count]) => (
          <div key={key} className="rounded border border-slate-300 bg-white p-3">
            <dt className="text-sm text-slate-700">{t(`expenses.overview.${key}`, { count: number(count) })}</dt>
            <dd className="text-xl font-semibold tabular-nums">{euros(cents)}</dd>
          </div>
        ))}
        <div className="rounded border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">{t('expenses.overview.unreported')}</dt>
          <dd className="text-xl font-semibold tabular-nums">{number(totals.unreported)}</dd>
        </div>
      </dl>
      {rows.length === 0 ? (
        <p>{t('expenses.overview.empty', { year })}</p>
      ) : (
        <Table
          caption={t('expenses.overview.title', { year })}
          rows={rows}
          rowKey={(r) => r.trainingId}
          columns={[
            { header: t('trainings.name'), cell: (r) => <Link to={`/organisations/${organisationId}/trainings/${r.trainingId}/expense-report`}>{r.name}</Link> },
            { header: t('trainings.unit'), cell: (r) => r.unitName },
            { header: t('expenses.overview.endedOn'), cell: (r) => (r.endsOn ? formatIsoDate(language, r.endsOn) : '–') },
            { header: t('expenses.status'), cell: (r) => <span className="flex flex-wrap gap-1"><ReportStatusTag status={r.reportStatus} />{r.late && <ReportStatusTag status="late" />}</span> },
            { header: t('expenses.queue.hours'), cell: (r) => (r.reportStatus && r.reportStatus !== 'draft' ? formatHundredths(language, r.realisedHundredths ?? 0) : '–'), numeric: true },
            { header: t('expenses.overview.reportedSupport'), cell: (r) => (r.reportStatus === 'submitted' ? euros(r.supportCents ?? 0) : '–'), numeric: true },
            { header: t('expenses.overview.approvedSupport'), cell: (r) => (r.reportStatus === 'approved' ? euros(r.supportCents ?? 0) : '–'), numeric: true },
            {
              header: t('payments.payment'),
              cell: (r) => (r.reportStatus === 'approved' && (r.supportCents ?? 0) > 0 ? <PaymentState batch={{ reference: r.batchReference, status: r.batchStatus, paidOn: r.paidOn }} /> : '–'),
            },
          ]}
        />
      )}
      {loaderData.specifications && <h2>{t('payments.organisationPayments')}</h2>}
      {!loaderData.specifications ? null : payments.length === 0 ? (
        <p>{t('payments.noPayments', { year })}</p>
      ) : (
        <Table
          caption={t('payments.organisationPayments')}
          rows={payments}
          rowKey={(p) => p.id}
          columns={[
            { header: t('payments.reference'), cell: (p) => p.reference },
            { header: t('payments.status'), cell: (p) => <BatchStatusTag status={p.status} /> },
            { header: t('payments.paidOn'), cell: (p) => (p.paidOn ? formatIsoDate(language, p.paidOn) : t('payments.expectedOn', { date: formatIsoDate(language, p.executionDate) })) },
            { header: t('payments.reports'), cell: (p) => number(p.reportCount), numeric: true },
            { header: t('payments.amount'), cell: (p) => euros(p.amountCents), numeric: true },
            {
              header: t('payments.specificationColumn'),
              cell: (p) => (
                <span className="flex gap-3">
                  <a href={`/organisations/${organisationId}/support/payments/${p.id}/pdf`} aria-label={t('payments.specificationLink', { format: 'PDF', name: p.reference })}>{t('payments.specificationPdf')}</a>
                  <a href={`/organisations/${organisationId}/support/payments/${p.id}/csv`} aria-label={t('payments.specificationLink', { format: 'CSV', name: p.reference })}>{t('payments.specificationCsv')}</a>
                </span>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
