import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/batches';
import { FilterSelect } from '../../components/FilterSelect';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { Pagination } from '../../components/Pagination';
import { Table } from '../../components/Table';
import { BatchStatusTag } from '../../components/payments/BatchStatusTag';
import { ErrorSummary, SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { batchFiltersSchema, createBatchSchema } from '../../forms/payments';
import { pageParam, requirePermission } from '../../http/authorize.server';
import { fieldRefusal, readForm } from '../../http/form.server';
import { formatDate } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { addDays, helsinkiDate, utcMidnight } from '../../../server/calendar/dates';
import { formatIsoDate } from '../../../server/calendar/format';
import { getCentreSettings } from '../../../server/centre/settings';
import { formatEuros } from '../../../server/expenses/format';
import { accountProblem } from '../../../server/payments/account';
import { createPaymentBatch } from '../../../server/payments/batches';
import { paymentCandidates } from '../../../server/payments/candidates';
import { paymentBatchStatuses } from '../../../server/payments/kinds';
import { listPaymentBatches } from '../../../server/payments/lists';

/** The next weekday after today: a sensible default for the bank's execution date. */
function nextWeekday(today: string): string {
  let day = addDays(today, 1);
  while ([0, 6].includes(utcMidnight(day).getUTCDay())) day = addDays(day, 1);
  return day;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'paymentBatch.manage');
  const query = batchFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [batches, candidates, centre] = await Promise.all([listPaymentBatches(ctx, { status: query.status || null, page: pageParam(request) }), paymentCandidates(ctx), getCentreSettings(ctx)]);
  return {
    ...batches,
    status: query.status,
    candidates,
    centreReady: !!centre?.name && !!centre.bic && !accountProblem(centre),
    defaultExecutionDate: nextWeekday(helsinkiDate(ctx.clock.now())),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'paymentBatch.manage');
  const form = await readForm(request, createBatchSchema);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const result = await createPaymentBatch(ctx, { executionDate: form.data.executionDate });
  if (result.ok) throw redirect(`/payment-batches/${result.batchId}?created=1`);
  const field = result.error.startsWith('payments.errors.executionDate') ? 'executionDate' : '_form';
  return fieldRefusal(field, { key: result.error }, form.values, 409);
}

/** Staff's payment batches: the approved support waiting to be paid, a new batch from it, and the batches made. */
export default function PaymentBatches({ loaderData, actionData }: Route.ComponentProps) {
  const { t, number, language } = useI18n();
  const { rows, candidates, centreReady } = loaderData;
  const payable = candidates.filter((c) => !c.problem);
  const euros = (cents: number) => formatEuros(language, cents);
  const labels = { executionDate: t('payments.executionDate') };
  return (
    <>
      <title>{`${t('payments.title')} – ${t('app.name')}`}</title>
      <h1>{t('payments.title')}</h1>
      <HelpLink area="payments" />
      <p className="mb-4 max-w-3xl">{t('payments.intro')}</p>
      <h2>{t('payments.waiting')}</h2>
      {candidates.length === 0 ? (
        <p className="mb-4">{t('payments.nothingWaiting')}</p>
      ) : (
        <>
          <Table
            caption={t('payments.waiting')}
            rows={candidates}
            rowKey={(c) => c.organisationId}
            columns={[
              { header: t('trainings.organisation'), cell: (c) => <Link to={`/organisations/${c.organisationId}/support`}>{c.name}</Link> },
              { header: t('payments.reports'), cell: (c) => number(c.reportCount), numeric: true },
              { header: t('payments.amount'), cell: (c) => euros(c.amountCents), numeric: true },
              {
                header: t('payments.account'),
                cell: (c) =>
                  c.problem ? (
                    <span className="font-semibold text-error-700">
                      {t(`payments.problems.${c.problem}`)} <Link to={`/organisations/${c.organisationId}/profile`}>{t('payments.fixAccount')}</Link>
                    </span>
                  ) : (
                    t('payments.accountOk')
                  ),
              },
            ]}
          />
          <p className="mb-4" role="status">
            {t('payments.payableSummary', { count: number(payable.length), amount: euros(payable.reduce((sum, c) => sum + c.amountCents, 0)) })}
            {candidates.length > payable.length && ` ${t('payments.blockedSummary', { count: number(candidates.length - payable.length) })}`}
          </p>
        </>
      )}
      <h2>{t('payments.newBatch')}</h2>
      {/* The form shows its own errors; without it (nothing left to pay after all), they show here. */}
      {actionData && !actionData.ok && !(centreReady && payable.length > 0) && <ErrorSummary errors={actionData.errors} labels={labels} />}
      {!centreReady ? (
        <Notice tone="warn">
          {t('payments.errors.centreAccount')} <Link to="/centre">{t('payments.centreSettings')}</Link>
        </Notice>
      ) : payable.length === 0 ? (
        <p className="mb-4">{candidates.length === 0 ? t('payments.nothingYet') : t('payments.nothingToBatch')}</p>
      ) : (
        <ValidatedForm method="post" schema={createBatchSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={labels}>
          <input type="hidden" name="intent" value="create" />
          <TextField name="executionDate" type="date" label={labels.executionDate} hint={t('payments.executionDateHint')} defaultValue={loaderData.defaultExecutionDate} />
          <SubmitButton>{t('payments.create', { count: number(payable.length) })}</SubmitButton>
        </ValidatedForm>
      )}
      <h2>{t('payments.batches')}</h2>
      <Form method="get" role="search" aria-label={t('payments.filters')} className="my-4 flex flex-wrap items-end gap-3">
        <FilterSelect name="status" label={t('payments.status')} value={loaderData.status} options={[{ value: '', label: t('payments.allStatuses') }, ...paymentBatchStatuses.map((s) => ({ value: s, label: t(`payments.statuses.${s}`) }))]} />
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t('trainings.show')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{loaderData.status ? t('payments.noMatches') : t('payments.noBatches')}</p>
      ) : (
        <Table
          caption={t('payments.batches')}
          rows={rows}
          rowKey={(b) => b.id}
          columns={[
            { header: t('payments.reference'), cell: (b) => <Link to={`/payment-batches/${b.id}`}>{b.reference}</Link> },
            { header: t('payments.status'), cell: (b) => <BatchStatusTag status={b.status} /> },
            { header: t('payments.createdAt'), cell: (b) => formatDate(language, new Date(b.createdAt)) },
            { header: t('payments.executionDate'), cell: (b) => formatIsoDate(language, b.executionDate) },
            { header: t('payments.paidOn'), cell: (b) => (b.paidOn ? formatIsoDate(language, b.paidOn) : '–') },
            { header: t('payments.paymentCount'), cell: (b) => number(b.paymentCount), numeric: true },
            { header: t('payments.total'), cell: (b) => euros(b.totalCents), numeric: true },
          ]}
        />
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} />
    </>
  );
}
