import { Link, data } from 'react-router';
import type { Route } from './+types/invite';
import { Notice } from '../../components/Notice';
import { unitSelectOptions } from '../../components/UnitOptions';
import { SelectField, SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { invitationSchema } from '../../forms/accounts';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { inviteUser } from '../../../server/access/invite';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { unitOptions } from '../../../server/organisations/list-users';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'user.invite', { organisationId });
  const organisation = await getOrganisation(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  const units = await unitOptions(ctx, organisationId);
  return {
    organisation: { id: organisation.id, name: organisation.name },
    units: unitSelectOptions(units),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'user.invite', { organisationId });
  const form = await readForm(request, invitationSchema);
  if (!form.ok) return data(form, { status: 400 });
  const result = await inviteUser(ctx, { ...form.data, organisationId }, baseUrl(context));
  if (!result.ok) return data({ ok: false as const, errors: { [result.field]: { key: result.error } }, values: { ...form.data } }, { status: 400 });
  return { ok: true as const, email: form.data.email };
}

export default function Invite({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation } = loaderData;
  const labels = { email: t('invitation.email'), name: t('invitation.name'), unitId: t('invitation.unit'), role: t('invitation.role') };
  return (
    <>
      <title>{`${t('invitation.title')} – ${organisation.name} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}/users`}>{t('users.backToUsers')}</Link>
      </p>
      <h1>
        {t('invitation.title')} – {organisation.name}
      </h1>
      {actionData?.ok && <Notice tone="ok">{t('invitation.sent', { email: actionData.email })}</Notice>}
      <p className="mb-6 max-w-2xl">{t('invitation.intro')}</p>
      <ValidatedForm
        method="post"
        schema={invitationSchema}
        serverState={actionData && !actionData.ok ? actionData : undefined}
        labels={labels}
        key={actionData?.ok ? actionData.email : 'form'}
      >
        <TextField name="email" type="email" label={labels.email} autoComplete="off" />
        <TextField name="name" label={labels.name} autoComplete="off" />
        <SelectField name="unitId" label={labels.unitId} placeholder={t('invitation.chooseUnit')} options={loaderData.units} />
        <SelectField
          name="role"
          label={labels.role}
          placeholder={t('invitation.role')}
          defaultValue="trainer"
          options={[
            { value: 'trainer', label: t('roles.trainer') },
            { value: 'unit_coordinator', label: t('roles.unit_coordinator') },
          ]}
        />
        <SubmitButton>{t('invitation.submit')}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
