import { data } from 'react-router';
import type { Route } from './+types/forgot-password';
import { Notice } from '../../components/Notice';
import { SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { forgotPasswordSchema } from '../../forms/accounts';
import { baseUrl } from '../../http/base-url.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { requestPasswordReset } from '../../../server/access/password-reset';

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request, forgotPasswordSchema);
  if (!form.ok) return data(form, { status: 400 });
  await requestPasswordReset({ db: context.app.db, clock: context.app.clock }, { email: form.data.email, ip: context.app.ip }, baseUrl(context));
  // The same answer whether or not the address has an account.
  return { ok: true as const };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const labels = { email: t('passwordReset.email') };
  return (
    <>
      <title>{`${t('passwordReset.forgotTitle')} – ${t('app.name')}`}</title>
      <h1>{t('passwordReset.forgotTitle')}</h1>
      {actionData?.ok ? (
        <Notice tone="ok">{t('passwordReset.sentText')}</Notice>
      ) : (
        <>
          <p className="mb-6 max-w-2xl">{t('passwordReset.forgotIntro')}</p>
          <ValidatedForm method="post" schema={forgotPasswordSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={labels}>
            <TextField name="email" type="email" label={labels.email} autoComplete="email" />
            <SubmitButton>{t('passwordReset.submit')}</SubmitButton>
          </ValidatedForm>
        </>
      )}
    </>
  );
}
