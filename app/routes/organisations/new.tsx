import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { newOrganisationSchema } from '../../forms/centre';
import { requirePermission } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { createOrganisation } from '../../../server/organisations/membership';

export async function loader({ request, context }: Route.LoaderArgs) {
  await requirePermission(request, context, 'organisation.create');
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'organisation.create');
  const form = await readForm(request, newOrganisationSchema);
  if (!form.ok) return data(form, { status: 400 });
  const result = await createOrganisation(ctx, form.data, baseUrl(context));
  if (!result.ok) return data({ ok: false as const, errors: { [result.field]: { key: result.error } }, values: form.data }, { status: 400 });
  return redirect(`/organisations/${result.organisationId}?created=1`);
}

export default function NewOrganisation({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const labels = { name: t('newOrganisation.name'), businessId: t('newOrganisation.businessId'), adminName: t('newOrganisation.adminName'), adminEmail: t('newOrganisation.adminEmail') };
  return (
    <>
      <title>{`${t('newOrganisation.title')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/organisations">{t('organisations.backToList')}</Link>
      </p>
      <h1>{t('newOrganisation.title')}</h1>
      <p className="mb-6 max-w-2xl">{t('newOrganisation.intro')}</p>
      <ValidatedForm method="post" schema={newOrganisationSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={labels}>
        <TextField name="name" label={labels.name} />
        <TextField name="businessId" label={labels.businessId} hint={t('profile.businessIdHint')} />
        <TextField name="adminName" label={labels.adminName} />
        <TextField name="adminEmail" type="email" label={labels.adminEmail} />
        <SubmitButton>{t('newOrganisation.submit')}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
