import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/own';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { signSchema } from '../../forms/admin-applications';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { keepAllButPasswords, readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { getApplication, signApplication } from '../../../server/admin-applications/applications';
import { passwordReauthentication } from '../../../server/admin-applications/signing';
import { statusTone } from './apply';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'adminApplication.apply');
  const application = await getApplication(ctx, requireUuid(params.applicationId), { asStaff: false });
  if (!application) throw data(null, { status: 404 });
  return { application, signed: new URL(request.url).searchParams.has('signed') };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'adminApplication.apply');
  const applicationId = requireUuid(params.applicationId);
  // Someone else's application does not exist for this person, whatever they send.
  if (!(await getApplication(ctx, applicationId, { asStaff: false }))) throw data(null, { status: 404 });
  const form = await readForm(request, signSchema, { keep: keepAllButPasswords });
  if (!form.ok) return data(form, { status: 400 });
  const result = await signApplication(ctx, { applicationId, ...form.data, ip: context.app.ip }, passwordReauthentication, baseUrl(context));
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    const field = result.error === 'adminApplication.wrongPassword' ? 'password' : '_form';
    return data({ ok: false as const, errors: { [field]: { key: result.error } }, values: {} }, { status: 400 });
  }
  return redirect(`/admin-application/${applicationId}?signed=1`);
}

export default function OwnApplication({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { application } = loaderData;
  return (
    <>
      <title>{`${t('adminApplication.page.title')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/admin-application">{t('adminApplication.page.own')}</Link>
      </p>
      <h1>
        {t('adminApplication.page.title')}: {application.organisationName}
      </h1>
      {loaderData.signed && <Notice tone="ok">{t('adminApplication.page.signed')}</Notice>}
      <p className="mb-2">
        {t('adminApplication.page.status')}: <StatusTag tone={statusTone[application.status]}>{t(`adminApplication.page.statuses.${application.status}`)}</StatusTag>
      </p>
      <p className="mb-2 text-sm">
        {t('adminApplication.page.created')}: {dateTime(application.createdAt)}
      </p>
      {application.decisionReason && <p className="mb-2">{application.decisionReason}</p>}
      <p className="mb-4">
        <a href={`/admin-application/${application.id}/pdf`}>{t('adminApplication.page.openPdf')}</a>
      </p>
      {application.status === 'draft' && (
        <section aria-labelledby="sign-title" className="max-w-2xl rounded border border-slate-300 bg-white p-4">
          <h2 id="sign-title" className="mt-0">
            {t('adminApplication.page.signTitle')}
          </h2>
          <p className="mb-4">{t('adminApplication.page.review')}</p>
          <ValidatedForm method="post" schema={signSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={{ password: t('adminApplication.page.password') }}>
            <input type="hidden" name="reviewedSha256" value={application.reviewedSha256} />
            <TextField name="password" type="password" label={t('adminApplication.page.password')} hint={t('adminApplication.page.signHint')} autoComplete="current-password" />
            <SubmitButton>{t('adminApplication.page.sign')}</SubmitButton>
          </ValidatedForm>
        </section>
      )}
    </>
  );
}
