import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/apply';
import { StatusTag } from '../../components/StatusTag';
import { SelectField, SubmitButton, TextArea, ValidatedForm } from '../../components/forms';
import { applySchema } from '../../forms/admin-applications';
import { requirePermission } from '../../http/authorize.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { createApplication, organisationsToApplyFor, ownApplications } from '../../../server/admin-applications/applications';
import { adminDuties } from '../../../server/admin-applications/pdf';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'adminApplication.apply');
  const [organisations, applications] = await Promise.all([organisationsToApplyFor(ctx), ownApplications(ctx)]);
  return { organisations: organisations.map((o) => ({ value: o.id, label: o.name })), applications };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'adminApplication.apply');
  const form = await readForm(request, applySchema);
  if (!form.ok) return data(form, { status: 400 });
  const result = await createApplication(ctx, form.data);
  if (!result.ok) {
    const field = result.error === 'notFound' ? '_form' : 'organisationId';
    return data({ ok: false as const, errors: { [field]: { key: result.error === 'notFound' ? 'forms.invalidValue' : result.error } }, values: form.data as Record<string, string> }, { status: 400 });
  }
  return redirect(`/admin-application/${result.applicationId}`);
}

export const statusTone = { draft: 'warn', signed: 'neutral', approved: 'ok', rejected: 'error' } as const;

export default function Apply({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const labels = { organisationId: t('adminApplication.page.organisation'), justification: t('adminApplication.page.justification'), acceptDuties: t('adminApplication.page.acceptDuties') };
  const error = actionData && !actionData.ok ? actionData.errors.acceptDuties : undefined;
  return (
    <>
      <title>{`${t('adminApplication.page.title')} – ${t('app.name')}`}</title>
      <h1>{t('adminApplication.page.title')}</h1>
      <p className="mb-4 max-w-3xl">{t('adminApplication.page.intro')}</p>
      <h2>{t('adminApplication.page.own')}</h2>
      {loaderData.applications.length === 0 ? (
        <p className="mb-4">{t('adminApplication.page.noOwn')}</p>
      ) : (
        <ul className="mb-4 space-y-1">
          {loaderData.applications.map((a) => (
            <li key={a.id}>
              <Link to={`/admin-application/${a.id}`}>
                {a.organisationName}, {date(a.createdAt)}
              </Link>{' '}
              <StatusTag tone={statusTone[a.status]}>{t(`adminApplication.page.statuses.${a.status}`)}</StatusTag>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('adminApplication.page.apply')}</h2>
      {loaderData.organisations.length === 0 ? (
        <p>{t('adminApplication.page.nothingToApply')}</p>
      ) : (
        <ValidatedForm method="post" schema={applySchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={labels}>
          <SelectField name="organisationId" label={labels.organisationId} placeholder={t('adminApplication.page.chooseOrganisation')} options={loaderData.organisations} />
          <TextArea name="justification" label={labels.justification} hint={t('adminApplication.page.justificationHint')} rows={5} />
          <fieldset className="mb-5 max-w-3xl">
            <legend className="font-semibold">{t('adminApplication.page.duties')}</legend>
            <ul className="mb-2 list-disc pl-6">
              {adminDuties.map((duty) => (
                <li key={duty}>{t(`adminApplication.duties.${duty}`)}</li>
              ))}
            </ul>
            {error && (
              <p id="field-acceptDuties-error" className="font-semibold text-error-700">
                {t('adminApplication.mustAccept')}
              </p>
            )}
            <label className="flex items-center gap-2">
              <input id="field-acceptDuties" type="checkbox" name="acceptDuties" value="yes" aria-invalid={error ? true : undefined} aria-describedby={error ? 'field-acceptDuties-error' : undefined} className="h-5 w-5" />
              {labels.acceptDuties}
            </label>
          </fieldset>
          <SubmitButton>{t('adminApplication.page.create')}</SubmitButton>
        </ValidatedForm>
      )}
    </>
  );
}
