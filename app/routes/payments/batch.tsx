import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/batch';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { Table } from '../../components/Table';
import { BatchStatusTag } from '../../components/payments/BatchStatusTag';
import { DangerButton, ErrorSummary, FormState, SubmitButton, TextArea, TextField } from '../../components/forms';
import { cancelBatchSchema, markPaidSchema } from '../../forms/payments';
import { baseUrl } from '../../http/base-url.server';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { fieldRefusal, readIntentForm } from '../../http/form.server';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { helsinkiDate } from '../../../server/calendar/dates';
import { formatIsoDate } from '../../../server/calendar/format';
import { formatEuros } from '../../../server/expenses/format';
import { displayIban } from '../../../server/organisations/bank-account';
import { cancelPaymentBatch, markPaymentBatchPaid } from '../../../server/payments/batches';
import { getPaymentBatch } from '../../../server/payments/lists';

const notices = ['created', 'paid', 'cancelled'] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'paymentBatch.manage');
  const batch = await getPaymentBatch(ctx, requireUuid(params.batchId));
  if (!batch) throw data(null, { status: 404 });
  const searchParams = new URL(request.url).searchParams;
  return { batch, today: helsinkiDate(ctx.clock.now()), notice: notices.find((key) => searchParams.has(key)) ?? null };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'paymentBatch.manage');
  const batchId = requireUuid(params.batchId);
  const form = await readIntentForm(request, { markPaid: markPaidSchema, cancel: cancelBatchSchema });
  if (!form.ok) return data({ ok: false as const, intent: form.intent as string | null, errors: form.errors, values: form.values }, { status: 400 });
  const result = form.intent === 'markPaid' ? await markPaymentBatchPaid(ctx, batchId, form.data.paidOn, { publicUrl: baseUrl(context) }) : await cancelPaymentBatch(ctx, batchId, form.data.reason);
  if (result.ok) throw redirect(`/payment-batches/${batchId}?${form.intent === 'markPaid' ? 'paid' : 'cancelled'}=1`);
  if (result.error === 'notFound') throw data(null, { status: 404 });
  const field = result.error.startsWith('payments.errors.paidOn') ? 'paidOn' : '_form';
  return fieldRefusal(field, { key: result.error }, form.values, 409, { intent: form.intent as string | null });
}

/** One batch: its payments, its file for the bank, and the last steps (paid, or cancelled while it is not). */
export default function PaymentBatch({ loaderData, actionData }: Route.ComponentProps) {
  const { t, number, language } = useI18n();
  const { batch, notice } = loaderData;
  const euros = (cents: number) => formatEuros(language, cents);
  const refused = (intent: string) => (actionData && !actionData.ok && actionData.intent === intent ? actionData : undefined);
  const formLevel = actionData && !actionData.ok && (actionData.errors._form || !actionData.intent) ? actionData : undefined;
  const facts: [string, string][] = [
    [t('payments.status'), t(`payments.statuses.${batch.status}`)],
    [t('payments.createdAt'), `${formatDateTime(language, new Date(batch.createdAt))}${batch.createdByName ? `, ${batch.createdByName}` : ''}`],
    [t('payments.executionDate'), formatIsoDate(language, batch.executionDate)],
    [t('payments.debtor'), `${batch.debtorName}, ${displayIban(batch.debtorIban)} (${batch.debtorBic})`],
    [t('payments.paymentCount'), number(batch.paymentCount)],
    [t('payments.total'), euros(batch.totalCents)],
    [t('payments.exports'), batch.lastExportedAt ? t('payments.exported', { count: number(batch.exportCount), at: formatDateTime(language, new Date(batch.lastExportedAt)) }) : t('payments.notExported')],
  ];
  if (batch.paidOn) facts.push([t('payments.paidOn'), `${formatIsoDate(language, batch.paidOn)}${batch.markedPaidByName ? `, ${batch.markedPaidByName}` : ''}`]);
  if (batch.cancelledAt) facts.push([t('payments.cancelledAt'), `${formatDateTime(language, new Date(batch.cancelledAt))}${batch.cancelledByName ? `, ${batch.cancelledByName}` : ''}: ${batch.cancelReason}`]);
  return (
    <>
      <title>{`${t('payments.batchTitle', { reference: batch.reference })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/payment-batches">{t('payments.title')}</Link>
      </p>
      <h1>{t('payments.batchTitle', { reference: batch.reference })}</h1>
      <HelpLink area="payments" />
      {notice && <Notice tone="ok">{t(`payments.notices.${notice}`)}</Notice>}
      {formLevel && <ErrorSummary errors={formLevel.errors} labels={{ paidOn: t('payments.paidOn'), reason: t('payments.cancelReason') }} />}
      <p className="mb-4">
        <BatchStatusTag status={batch.status} />
      </p>
      <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {batch.status !== 'cancelled' && (
        <p className="mb-6">
          <a href={`/payment-batches/${batch.id}/xml`} download className="inline-block rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            {t('payments.download')}
          </a>
          <span className="ml-3 text-sm text-slate-700">{batch.status === 'paid' ? t('payments.downloadPaidHint') : t('payments.downloadHint')}</span>
        </p>
      )}
      <Table
        caption={t('payments.payments')}
        rows={batch.payments}
        rowKey={(p) => p.id}
        columns={[
          { header: t('trainings.organisation'), cell: (p) => <Link to={`/organisations/${p.organisationId}/support`}>{p.creditorName}</Link> },
          { header: t('payments.iban'), cell: (p) => displayIban(p.iban) },
          { header: t('payments.bic'), cell: (p) => p.bic || '–' },
          { header: t('payments.reports'), cell: (p) => number(p.reportCount), numeric: true },
          { header: t('payments.amount'), cell: (p) => euros(p.amountCents), numeric: true },
          {
            header: t('payments.specificationColumn'),
            cell: (p) => (
              <span className="flex gap-3">
                <a href={`/organisations/${p.organisationId}/support/payments/${p.id}/pdf`} aria-label={t('payments.specificationLink', { format: 'PDF', name: p.creditorName })}>{t('payments.specificationPdf')}</a>
                <a href={`/organisations/${p.organisationId}/support/payments/${p.id}/csv`} aria-label={t('payments.specificationLink', { format: 'CSV', name: p.creditorName })}>{t('payments.specificationCsv')}</a>
              </span>
            ),
          },
        ]}
      />
      {batch.status === 'created' && (
        <div className="mt-6 grid max-w-3xl gap-6">
          <section aria-labelledby="paid-title" className="rounded border-2 border-brand-600 bg-white p-4">
            <h2 id="paid-title" className="mt-0">
              {t('payments.markPaidTitle')}
            </h2>
            <p className="mb-3">{t('payments.markPaidHint')}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="markPaid" />
              <FormState errors={refused('markPaid')?.errors ?? {}} values={refused('markPaid')?.values ?? {}}>
                <TextField name="paidOn" type="date" label={t('payments.paidOn')} defaultValue={loaderData.today} />
              </FormState>
              <SubmitButton>{t('payments.markPaid')}</SubmitButton>
            </Form>
          </section>
          <section aria-labelledby="cancel-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="cancel-title" className="mt-0">
              {t('payments.cancelTitle')}
            </h2>
            <p className="mb-3">{t('payments.cancelHint')}</p>
            {batch.exportCount > 0 && <Notice tone="warn">{t('payments.cancelExportedWarning')}</Notice>}
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <FormState errors={refused('cancel')?.errors ?? {}} values={refused('cancel')?.values ?? {}}>
                <TextArea name="reason" label={t('payments.cancelReason')} rows={3} />
              </FormState>
              <DangerButton>{t('payments.cancel')}</DangerButton>
            </Form>
          </section>
        </div>
      )}
    </>
  );
}
