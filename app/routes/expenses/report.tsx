import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/report';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { ErrorSummary, FileField, FormState, SubmitButton } from '../../components/forms';
import { ReportContentView } from '../../components/expenses/ReportContentView';
import { ReportForm } from '../../components/expenses/ReportForm';
import { ReportHistory } from '../../components/expenses/ReportHistory';
import { ReportStatusTag } from '../../components/expenses/ReportStatusTag';
import { ReviewPanel } from '../../components/expenses/ReviewPanel';
import { SupportBreakdown } from '../../components/expenses/SupportBreakdown';
import { Hours } from '../../components/Hours';
import { approveSchema, checkReceiptsSchema, permitLateSchema, rejectSchema, removeReceiptSchema, reportSchema, returnSchema, toReportContent, uploadReceiptSchema } from '../../forms/expenses';
import { baseUrl } from '../../http/base-url.server';
import { requirePermission } from '../../http/authorize.server';
import { fieldRefusal, validateIntentForm } from '../../http/form.server';
import { requestLanguage } from '../../http/language.server';
import { requirePlan } from '../../http/training.server';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import type { Action } from '../../../server/access/actions';
import { can } from '../../../server/access/permissions';
import { formatIsoDate } from '../../../server/calendar/format';
import { isEditableReport } from '../../../server/expenses/kinds';
import { addReceipt, receiptLimits, removeReceipt } from '../../../server/expenses/receipts';
import { expenseReportPage, ratesFor, saveExpenseReport, submitExpenseReport } from '../../../server/expenses/reports';
import { approveExpenseReport, markReceiptsChecked, permitLateReport, rejectExpenseReport, returnExpenseReport } from '../../../server/expenses/review';
import type { Finding } from '../../../server/trainings/eligibility';
import { formatHundredths } from '../../../server/hours/format';
import { isMembershipEnded } from '../../../server/organisations/membership';
import { batchOfPayment } from '../../../server/payments/report-payment';
import { PaymentState } from '../../components/payments/PaymentState';

const notices = ['saved', 'submitted', 'uploaded', 'removed', 'approved', 'returned', 'rejected', 'checked', 'permitted'] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx, organisationId, plan, target } = await requirePlan(request, context, 'expenseReport.read', params);
  const page = await expenseReportPage(ctx, plan);
  const status = page.report?.status ?? null;
  // An ended membership keeps its reports readable, but nothing in them changes any more.
  const write = can(ctx.actor, 'expenseReport.write', target) && !(await isMembershipEnded(ctx, organisationId));
  const editable = write && plan.status === 'ended' && isEditableReport(status);
  return {
    organisationId,
    training: { id: plan.id, name: plan.name, status: plan.status, type: plan.type, held: plan.held, startsOn: plan.startsOn, endsOn: plan.endsOn },
    ...page,
    report: page.report
      ? { status: page.report.status, version: page.report.version, audit: page.report.audit, late: page.report.late, receiptsChecked: !!page.report.receiptsCheckedAt, firstSubmitted: !!page.report.firstSubmittedAt, latePermitted: !!page.report.latePermittedAt }
      : null,
    rates: ratesFor(page.rules, plan.type),
    editable,
    canSubmit: editable && (page.standing !== 'closed' || !!page.report?.firstSubmittedAt),
    canUpload: write && (editable || status === 'submitted'),
    review: can(ctx.actor, 'expenseReport.review'),
    // Approved support of 0 € is never paid: no payment line for it.
    payment: page.report?.status === 'approved' && page.report.supportCents > 0 ? { batch: await batchOfPayment(ctx.db, page.report.paymentId) } : null,
    notice: notices.find((key) => new URL(request.url).searchParams.has(key)) ?? null,
  };
}

const intentActions: Record<string, Action> = {
  save: 'expenseReport.write',
  submit: 'expenseReport.write',
  upload: 'expenseReport.write',
  removeReceipt: 'expenseReport.write',
  approve: 'expenseReport.review',
  return: 'expenseReport.review',
  reject: 'expenseReport.review',
  checkReceipts: 'expenseReport.review',
  permitLate: 'expenseReport.review',
};

/** Refused before reading: one receipt and the other fields. */
const maxBodyBytes = receiptLimits.maxBytes + 256 * 1024;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { ctx, organisationId, plan, target } = await requirePlan(request, context, 'expenseReport.read', params);
  let formData: FormData;
  try {
    // Browsers always send the length; a body without one (streamed) could be of any size.
    const length = request.headers.get('content-length');
    if (length === null || Number(length) > maxBodyBytes) throw new Error('too large');
    formData = await request.formData();
  } catch {
    return fieldRefusal('file', { key: 'expenses.errors.receiptTooLarge' }, {}, 413, { intent: 'upload' as string | null, findings: [] as Finding[] });
  }
  const form = validateIntentForm(
    formData,
    { save: reportSchema, submit: reportSchema, upload: uploadReceiptSchema, removeReceipt: removeReceiptSchema, approve: approveSchema, return: returnSchema, reject: rejectSchema, checkReceipts: checkReceiptsSchema, permitLate: permitLateSchema },
    ['file'],
  );
  if (!form.ok) return data({ ok: false as const, intent: form.intent, errors: form.errors, values: form.values, findings: [] as Finding[] }, { status: 400 });
  await requirePermission(request, context, intentActions[form.intent]!, target);
  const links = { publicUrl: baseUrl(context) };
  const back = (notice: (typeof notices)[number]) => redirect(`/organisations/${organisationId}/trainings/${plan.id}/expense-report?${notice}=1`);
  const refuse = (field: string, key: string, status = 409, findings: Finding[] = [], params?: Record<string, string>) =>
    fieldRefusal(field, { key, ...(params ? { params } : {}) }, form.values, status, { intent: form.intent as string | null, findings });
  switch (form.intent) {
    case 'save':
    case 'submit': {
      const content = toReportContent(form.data);
      const result = form.intent === 'save' ? await saveExpenseReport(ctx, plan.id, content) : await submitExpenseReport(ctx, plan.id, content);
      if (result.ok) throw back(form.intent === 'save' ? 'saved' : 'submitted');
      if (result.error === 'notFound') throw data(null, { status: 404 });
      if (result.error === 'expenses.errors.declarationRequired') return refuse('marketingDeclaration', result.error, 400);
      if (result.error === 'expenses.errors.sessionsRequired') return refuse('sessionDate', result.error, 400);
      return refuse('_form', result.error);
    }
    case 'upload': {
      const file = formData.getAll('file');
      if (file.length !== 1 || !(file[0] instanceof File) || file[0].size === 0) return refuse('file', 'images.chooseFile', 400);
      const result = await addReceipt(ctx, plan.id, { name: file[0].name, bytes: new Uint8Array(await file[0].arrayBuffer()) });
      if (result.ok) throw back('uploaded');
      if (result.error === 'notFound') throw data(null, { status: 404 });
      return refuse(result.error.startsWith('expenses.errors.not') ? '_form' : 'file', result.error, 400);
    }
    case 'removeReceipt': {
      const result = await removeReceipt(ctx, plan.id, form.data.receiptId);
      if (result.ok) throw back('removed');
      if (result.error === 'notFound') throw data(null, { status: 404 });
      return refuse('_form', result.error);
    }
    default: {
      let result;
      if (form.intent === 'approve') result = await approveExpenseReport(ctx, plan.id, links);
      else if (form.intent === 'return') result = await returnExpenseReport(ctx, plan.id, form.data.comment, links);
      else if (form.intent === 'reject') result = await rejectExpenseReport(ctx, plan.id, form.data.comment, links);
      else if (form.intent === 'checkReceipts') result = await markReceiptsChecked(ctx, plan.id);
      else result = await permitLateReport(ctx, plan.id, form.data.comment);
      const done = { approve: 'approved', return: 'returned', reject: 'rejected', checkReceipts: 'checked', permitLate: 'permitted' } as const;
      if (result.ok) throw back(done[form.intent]);
      if (result.error === 'notFound') throw data(null, { status: 404 });
      if (result.error === 'expenses.errors.ineligible') return refuse('_form', result.error, 409, result.findings);
      if (result.error === 'hours.errors.insufficient') {
        const language = await requestLanguage(request, ctx.actor.language);
        const hours = (hundredths: number) => formatHundredths(language, hundredths);
        return refuse('_form', 'expenses.errors.insufficientHours', 409, [], { needed: hours(result.neededHundredths), available: hours(result.availableHundredths) });
      }
      return refuse('_form', result.error);
    }
  }
}

export default function ExpenseReportPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language, number } = useI18n();
  const { organisationId, training, report, content, breakdown, deadlines, standing, attendance, receipts, events, versions, editable, review } = loaderData;
  const notice = actionData ? null : loaderData.notice;
  const refused = actionData && !actionData.ok ? actionData : undefined;
  const formLevel = refused && (refused.errors._form || refused.intent === 'upload') ? refused : undefined;
  const base = `/organisations/${organisationId}/trainings/${training.id}`;
  const minimumAge = attendance?.minimumAge ?? 15;
  return (
    <>
      <title>{`${t('expenses.title')}: ${training.name} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={base}>{t('participants.backToPlan')}</Link>
      </p>
      <h1>{t('expenses.titleFor', { name: training.name })}</h1>
      <HelpLink area="expenses" />
      {notice && <Notice tone="ok">{t(`expenses.notices.${notice}`)}</Notice>}
      {formLevel && <ErrorSummary errors={formLevel.errors} labels={{ file: t('expenses.fields.receipt') }} />}
      <dl className="mb-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t('expenses.status')}</dt>
        <dd className="flex flex-wrap gap-2">
          <ReportStatusTag status={report?.status ?? null} />
          {report?.late && <ReportStatusTag status="late" />}
          {report?.audit && (report.status !== 'draft' || review) && <ReportStatusTag status="audit" />}
        </dd>
        {loaderData.payment && (
          <>
            <dt className="font-semibold">{t('payments.payment')}</dt>
            <dd>
              <PaymentState batch={loaderData.payment.batch} />
            </dd>
          </>
        )}
        <dt className="font-semibold">{t('expenses.dueOn')}</dt>
        <dd>{formatIsoDate(language, deadlines.dueOn)}</dd>
        <dt className="font-semibold">{t('expenses.finalOn')}</dt>
        <dd>{formatIsoDate(language, deadlines.finalOn)}</dd>
        <dt className="font-semibold">{t('expenses.attended')}</dt>
        <dd>
          {t('expenses.attendedValue', { count: number(attendance?.attendedAdults ?? 0), age: minimumAge, all: number(attendance?.attended ?? 0) })}{' '}
          <Link to={`${base}/attendance`}>{t('expenses.attendanceLink')}</Link>
        </dd>
        <dt className="font-semibold">{t('trainings.reservedHours')}</dt>
        <dd className="tabular-nums">
          <Hours hundredths={training.held.reserved} />
        </dd>
        <dt className="font-semibold">{t('trainings.usedHours')}</dt>
        <dd className="tabular-nums">
          <Hours hundredths={training.held.used} />
        </dd>
      </dl>
      {training.status !== 'ended' && !report?.firstSubmitted && <Notice tone="warn">{t('expenses.notYetEnded')}</Notice>}
      {standing === 'late' && !report?.firstSubmitted && <Notice tone="warn">{t('expenses.lateWarning', { date: formatIsoDate(language, deadlines.finalOn) })}</Notice>}
      {standing === 'closed' && !report?.firstSubmitted && <Notice tone="error">{report?.latePermitted ? t('expenses.latePermitted') : t('expenses.closedWarning', { date: formatIsoDate(language, deadlines.finalOn) })}</Notice>}
      {report?.status === 'submitted' && report.audit && <Notice tone="warn">{t('expenses.auditNotice')}</Notice>}
      {review && (
        <ReviewPanel
          status={report?.status ?? null}
          audit={report?.audit ?? false}
          receiptsChecked={report?.receiptsChecked ?? false}
          receiptCount={receipts.length}
          findings={refused?.findings.length ? refused.findings : loaderData.findings}
          closed={standing === 'closed' && training.status === 'ended' && !report?.firstSubmitted && !report?.latePermitted}
          refused={refused && refused.intent && ['approve', 'return', 'reject', 'checkReceipts', 'permitLate'].includes(refused.intent) ? refused : undefined}
        />
      )}
      {editable ? (
        <>
          <h2>{report?.status === 'returned' ? t('expenses.fixTitle') : t('expenses.formTitle')}</h2>
          <ReportForm
            content={content}
            breakdown={breakdown}
            rates={loaderData.rates}
            // A refusal above the form (a deadline, say) keeps what was typed; its message is already at the top.
            serverState={refused && (refused.intent === 'save' || refused.intent === 'submit') ? (refused.errors._form ? { errors: {}, values: refused.values } : refused) : undefined}
            canSubmit={loaderData.canSubmit}
          />
        </>
      ) : (
        <>
          <ReportContentView content={content} />
          <SupportBreakdown breakdown={breakdown} />
        </>
      )}
      <section aria-labelledby="receipts-title" className="mb-8">
        <h2 id="receipts-title">{t('expenses.receipts')}</h2>
        {receipts.length === 0 ? (
          <p className="mb-4">{t('expenses.noReceipts')}</p>
        ) : (
          <ul className="mb-4 space-y-2">
            {receipts.map((receipt) => (
              <li key={receipt.id} className="flex flex-wrap items-center gap-3">
                <a href={`${base}/expense-report/receipts/${receipt.id}`}>{receipt.fileName}</a>
                <span className="text-sm text-slate-700">{t('expenses.receiptMeta', { size: number(Math.ceil(receipt.sizeBytes / 1024)), at: formatDateTime(language, new Date(receipt.uploadedAt)) })}</span>
                {editable && (
                  <Form method="post">
                    <input type="hidden" name="intent" value="removeReceipt" />
                    <input type="hidden" name="receiptId" value={receipt.id} />
                    <button type="submit" className="text-sm font-semibold text-error-700 underline">
                      {t('expenses.removeReceipt', { name: receipt.fileName })}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        {loaderData.canUpload && (
          <Form method="post" encType="multipart/form-data" className="max-w-xl">
            <input type="hidden" name="intent" value="upload" />
            <FormState errors={refused?.intent === 'upload' ? refused.errors : {}} values={{}}>
              <FileField name="file" label={t('expenses.fields.receipt')} hint={t('expenses.receiptHint')} accept="application/pdf,image/png,image/jpeg" />
            </FormState>
            <SubmitButton>{t('expenses.upload')}</SubmitButton>
          </Form>
        )}
      </section>
      <ReportHistory events={events} versions={versions} compareBase={`${base}/expense-report/versions`} />
    </>
  );
}
