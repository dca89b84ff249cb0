import { data } from 'react-router';
import type { Route } from './+types/register';
import { Notice } from '../../components/Notice';
import { SelectField, SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { registrationSchema } from '../../forms/accounts';
import { baseUrl } from '../../http/base-url.server';
import { keepAllButPasswords, readForm } from '../../http/form.server';
import { requestLanguage } from '../../http/language.server';
import { useI18n } from '../../i18n/react';
import { registerTrainer, registrableUnits } from '../../../server/access/register';

export async function loader({ context }: Route.LoaderArgs) {
  const units = await registrableUnits(context.app.db);
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const unit of units) {
    const group = groups.get(unit.organisationId) ?? { label: unit.organisationName, options: [] };
    group.options.push({ value: unit.id, label: unit.name });
    groups.set(unit.organisationId, group);
  }
  return { groups: [...groups.values()] };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request, registrationSchema, { keep: keepAllButPasswords });
  if (!form.ok) return data(form, { status: 400 });
  const result = await registerTrainer(
    { db: context.app.db, clock: context.app.clock },
    { ...form.data, language: await requestLanguage(request) },
    baseUrl(context),
  );
  if (!result.ok) {
    return data({ ok: false as const, errors: { [result.field]: { key: result.error } }, values: { name: form.data.name, email: form.data.email } }, { status: 400 });
  }
  return { ok: true as const };
}

export default function Register({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const labels = {
    name: t('registration.name'),
    email: t('registration.email'),
    password: t('registration.password'),
    confirmPassword: t('registration.confirmPassword'),
    unitId: t('registration.unit'),
  };
  return (
    <>
      <title>{`${t('registration.title')} – ${t('app.name')}`}</title>
      <h1>{t('registration.title')}</h1>
      {actionData?.ok ? (
        <>
          <Notice tone="ok">{t('registration.sentTitle')}</Notice>
          <p>{t('registration.sentText')}</p>
        </>
      ) : (
        <>
          <p className="mb-6 max-w-2xl">{t('registration.intro')}</p>
          <ValidatedForm method="post" schema={registrationSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={labels}>
            <TextField name="name" label={labels.name} autoComplete="name" />
            <TextField name="email" type="email" label={labels.email} hint={t('registration.emailHint')} autoComplete="email" />
            <SelectField name="unitId" label={labels.unitId} hint={t('registration.unitHint')} placeholder={t('registration.chooseUnit')} groups={loaderData.groups} />
            <TextField name="password" type="password" label={labels.password} hint={t('registration.passwordHint')} autoComplete="new-password" />
            <TextField name="confirmPassword" type="password" label={labels.confirmPassword} autoComplete="new-password" />
            <p className="mb-5 max-w-2xl text-sm text-slate-700">{t('registration.privacy')}</p>
            <SubmitButton>{t('registration.submit')}</SubmitButton>
          </ValidatedForm>
        </>
      )}
    </>
  );
}
