import { data } from 'react-router';
import type { Route } from './+types/account';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { changePasswordSchema } from '../../forms/account';
import { requirePermission } from '../../http/authorize.server';
import { keepAllButPasswords, readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { changeOwnPassword } from '../../../server/access/change-password';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor } = await requirePermission(request, context, 'account.changePassword');
  return { name: actor.name, email: actor.email, roles: [...new Set(actor.grants.map((g) => g.role))] };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'account.changePassword');
  const form = await readForm(request, changePasswordSchema, { keep: keepAllButPasswords });
  if (!form.ok) return data(form, { status: 400 });
  const result = await changeOwnPassword(ctx, {
    currentPassword: form.data.currentPassword,
    newPassword: form.data.newPassword,
    keepSessionTokenHash: ctx.tokenHash,
    ip: context.app.ip,
  });
  if (!result.ok) {
    return data({ ok: false as const, errors: { [result.field]: { key: `account.${result.error}` } }, values: {} }, { status: 400 });
  }
  return { ok: true as const };
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const labels = {
    currentPassword: t('account.currentPassword'),
    newPassword: t('account.newPassword'),
    confirmPassword: t('account.confirmPassword'),
  };
  return (
    <>
      <title>{`${t('account.title')} – ${t('app.name')}`}</title>
      <h1>{t('account.title')}</h1>
      <HelpLink area="accounts" />
      <h2>{t('account.details')}</h2>
      <dl className="mb-6 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t('account.name')}</dt>
        <dd>{loaderData.name}</dd>
        <dt className="font-semibold">{t('account.email')}</dt>
        <dd>{loaderData.email}</dd>
        <dt className="font-semibold">{t('account.roles')}</dt>
        <dd>{loaderData.roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
      </dl>
      <h2>{t('account.changePassword')}</h2>
      {actionData?.ok && <Notice tone="ok">{t('account.saved')}</Notice>}
      <ValidatedForm
        method="post"
        schema={changePasswordSchema}
        serverState={actionData && !actionData.ok ? actionData : undefined}
        labels={labels}
        key={actionData?.ok ? 'saved' : 'editing'}
      >
        <TextField name="currentPassword" type="password" label={labels.currentPassword} autoComplete="current-password" />
        <TextField name="newPassword" type="password" label={labels.newPassword} hint={t('account.newPasswordHint')} autoComplete="new-password" />
        <TextField name="confirmPassword" type="password" label={labels.confirmPassword} autoComplete="new-password" />
        <SubmitButton>{t('account.save')}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
