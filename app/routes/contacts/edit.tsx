import { Link, data } from 'react-router';
import type { Route } from './+types/edit';
import { Notice } from '../../components/Notice';
import { SubmitButton, TextArea, TextField, ValidatedForm } from '../../components/forms';
import { staffProfileSchema } from '../../forms/contacts';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { listCentreContacts, saveStaffProfile } from '../../../server/contacts/contacts';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'contacts.edit');
  const userId = requireUuid(params.staffId);
  const person = (await listCentreContacts(ctx)).find((c) => c.id === userId);
  if (!person) throw data(null, { status: 404 });
  return { person };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'contacts.edit');
  const userId = requireUuid(params.staffId);
  const form = await readForm(request, staffProfileSchema);
  if (!form.ok) return data(form, { status: 400 });
  if (!(await saveStaffProfile(ctx, userId, form.data)).ok) throw data(null, { status: 404 });
  return { ok: true as const };
}

export default function EditContact({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { person } = loaderData;
  const labels = { title: t('contacts.jobTitle'), responsibilities: t('contacts.responsibilities'), phone: t('contacts.phone') };
  return (
    <>
      <title>{`${t('contacts.editTitle', { name: person.name })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/contacts">{t('contacts.back')}</Link>
      </p>
      <h1>{t('contacts.editTitle', { name: person.name })}</h1>
      {actionData?.ok && <Notice tone="ok">{t('contacts.saved')}</Notice>}
      <ValidatedForm method="post" schema={staffProfileSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={labels}>
        <TextField name="title" label={labels.title} defaultValue={person.title ?? ''} required={false} />
        <TextArea name="responsibilities" label={labels.responsibilities} defaultValue={person.responsibilities ?? ''} rows={4} />
        <TextField name="phone" type="tel" label={labels.phone} defaultValue={person.phone ?? ''} required={false} />
        <SubmitButton>{t('contacts.save')}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
