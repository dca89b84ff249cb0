import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/review';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { ErrorSummary, SubmitButton } from '../../components/forms';
import { decisionSchema } from '../../forms/admin-applications';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { readForm } from '../../http/form.server';
import { translateDynamic } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { applicationHistory, decideApplication, getApplication, signatureOf, verifySignature } from '../../../server/admin-applications/applications';
import { statusTone } from './apply';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'adminApplication.review');
  const applicationId = requireUuid(params.applicationId);
  const application = await getApplication(ctx, applicationId, { asStaff: true });
  if (!application) throw data(null, { status: 404 });
  const [signature, history] = await Promise.all([signatureOf(ctx, applicationId), applicationHistory(ctx, applicationId)]);
  const notice = new URL(request.url).searchParams.get('decided');
  return {
    application,
    signature,
    hashVerified: signature ? await verifySignature(ctx, applicationId) : null,
    history,
    notice: notice === 'approved' || notice === 'rejected' ? notice : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'adminApplication.review');
  const applicationId = requireUuid(params.applicationId);
  const form = await readForm(request, decisionSchema);
  if (!form.ok) return data(form, { status: 400 });
  const approve = form.data.intent === 'approve';
  const result = await decideApplication(ctx, { applicationId, approve, reason: form.data.reason ?? '' }, baseUrl(context));
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    return data({ ok: false as const, errors: { _form: { key: result.error } }, values: {} }, { status: 409 });
  }
  return redirect(`/admin-applications/${applicationId}?decided=${approve ? 'approved' : 'rejected'}`);
}

export default function Review({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime, language } = useI18n();
  const { application, signature } = loaderData;
  const auditLabels: Record<string, string> = t('audit.actions', { returnObjects: true });
  return (
    <>
      <title>{`${t('adminApplication.page.title')} – ${application.applicantName} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/admin-applications">{t('adminApplication.page.back')}</Link>
      </p>
      <h1>
        {application.applicantName}: {application.organisationName}
      </h1>
      {loaderData.notice && <Notice tone="ok">{t(loaderData.notice === 'approved' ? 'adminApplication.page.approvedNotice' : 'adminApplication.page.rejectedNotice')}</Notice>}
      {actionData && !actionData.ok && <ErrorSummary errors={actionData.errors} labels={{}} />}
      <p className="mb-2">
        {t('adminApplication.page.status')}: <StatusTag tone={statusTone[application.status]}>{t(`adminApplication.page.statuses.${application.status}`)}</StatusTag>
      </p>
      <h2>{t('adminApplication.page.justification')}</h2>
      <p className="mb-4 max-w-3xl whitespace-pre-line">{application.justification}</p>
      <p className="mb-4">
        <a href={`/admin-application/${application.id}/pdf`}>{t('adminApplication.page.openPdf')}</a>
      </p>
      {signature && (
        <>
          <h2>{t('adminApplication.page.signature')}</h2>
          <p className="mb-2">
            {t('adminApplication.page.signedBy', { name: application.applicantName, when: dateTime(signature.signedAt), method: signature.method, ip: signature.ip ?? '–' })}
          </p>
          <p className="mb-2 font-mono text-sm break-all">SHA-256: {signature.sha256}</p>
          <Notice tone={loaderData.hashVerified ? 'ok' : 'error'}>{loaderData.hashVerified ? t('adminApplication.page.hashOk') : t('adminApplication.page.hashFailed')}</Notice>
        </>
      )}
      <h2>{t('adminApplication.page.history')}</h2>
      <ol className="mb-4 list-decimal pl-6">
        {loaderData.history.map((h) => (
          <li key={h.id}>
            {dateTime(h.at)}: {auditLabels[h.action] ?? translateDynamic(language, h.action)} ({h.actorName ?? '–'})
          </li>
        ))}
      </ol>
      {application.status === 'signed' && (
        <section aria-labelledby="decision-title" className="max-w-2xl rounded border border-slate-300 bg-white p-4">
          <h2 id="decision-title" className="mt-0">
            {t('adminApplication.page.decision')}
          </h2>
          <Form method="post">
            <label htmlFor="field-reason" className="block font-semibold">
              {t('adminApplication.page.reason')}
            </label>
            <textarea id="field-reason" name="reason" maxLength={1000} rows={3} className="mt-1 mb-4 block w-full rounded border-2 border-slate-600 px-3 py-2" />
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="intent" value="approve" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
                {t('adminApplication.page.approve')}
              </button>
              <button type="submit" name="intent" value="reject" className="rounded border-2 border-brand-600 px-4 py-2 font-semibold text-brand-700">
                {t('adminApplication.page.reject')}
              </button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
