import { Link, data } from 'react-router';
import type { Route } from './+types/profile';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from '../../components/forms';
import { organisationProfileSchema, ownOrganisationProfileSchema } from '../../forms/organisation';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { displayIban } from '../../../server/organisations/bank-account';
import { centreStaffOptions, getOrganisationProfile, updateOrganisationProfile } from '../../../server/organisations/profile';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'organisation.edit', { organisationId });
  const profile = await getOrganisationProfile(ctx, organisationId);
  if (!profile) throw data(null, { status: 404 });
  const mayChooseCentreContact = can(ctx.actor, 'organisation.setCentreContact', { organisationId });
  return {
    profile: { ...profile, iban: profile.iban ? displayIban(profile.iban) : '' },
    staff: mayChooseCentreContact ? await centreStaffOptions(ctx) : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'organisation.edit', { organisationId });
  const mayChooseCentreContact = can(ctx.actor, 'organisation.setCentreContact', { organisationId });
  // Only centre staff's form has the centre contact field: for others it is an unknown field.
  const schema = mayChooseCentreContact ? organisationProfileSchema : ownOrganisationProfileSchema;
  const form = await readForm(request, schema);
  if (!form.ok) return data(form, { status: 400 });
  const result = await updateOrganisationProfile(ctx, organisationId, form.data, { mayChooseCentreContact });
  if (!result.ok) return data({ ok: false as const, errors: { [result.field]: { key: result.error } }, values: form.data as Record<string, string> }, { status: 400 });
  return { ok: true as const, changed: result.changed.length };
}

export default function OrganisationProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { profile, staff } = loaderData;
  const labels = {
    name: t('profile.name'),
    businessId: t('profile.businessId'),
    streetAddress: t('profile.streetAddress'),
    postalCode: t('profile.postalCode'),
    city: t('profile.city'),
    contactName: t('profile.contactName'),
    contactEmail: t('profile.contactEmail'),
    contactPhone: t('profile.contactPhone'),
    website: t('profile.website'),
    iban: t('profile.iban'),
    bic: t('profile.bic'),
    membershipStart: t('profile.membershipStart'),
    internalRules: t('profile.internalRules'),
    centreContactUserId: t('profile.centreContact'),
  };
  const fieldset = 'mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4';
  const legend = 'px-1 text-lg font-semibold';
  return (
    <>
      <title>{`${t('profile.editTitle', { organisation: profile.name })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${profile.id}`}>{profile.name}</Link>
      </p>
      <h1>{t('profile.editTitle', { organisation: profile.name })}</h1>
      <HelpLink area="organisation" />
      {actionData?.ok && <Notice tone="ok">{actionData.changed ? t('profile.saved') : t('profile.unchanged')}</Notice>}
      <p className="mb-6 max-w-3xl">{t('profile.intro')}</p>
      <ValidatedForm
        method="post"
        schema={staff ? organisationProfileSchema : ownOrganisationProfileSchema}
        serverState={actionData && !actionData.ok ? actionData : undefined}
        labels={labels}
      >
        <fieldset className={fieldset}>
          <legend className={legend}>{t('profile.basics')}</legend>
          <TextField name="name" label={labels.name} defaultValue={profile.name} autoComplete="organization" />
          <TextField name="businessId" label={labels.businessId} hint={t('profile.businessIdHint')} defaultValue={profile.businessId} />
          <TextField name="website" type="url" label={labels.website} hint={t('profile.websiteHint')} defaultValue={profile.website} required={false} />
          <TextField name="membershipStart" type="date" label={labels.membershipStart} defaultValue={profile.membershipStart ?? ''} required={false} />
          {staff && (
            <SelectField
              name="centreContactUserId"
              label={labels.centreContactUserId}
              placeholder={t('profile.noCentreContact')}
              defaultValue={profile.centreContact?.id ?? ''}
              options={staff.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
        </fieldset>
        <fieldset className={fieldset}>
          <legend className={legend}>{t('profile.address')}</legend>
          <TextField name="streetAddress" label={labels.streetAddress} defaultValue={profile.streetAddress} autoComplete="street-address" required={false} />
          <TextField name="postalCode" label={labels.postalCode} defaultValue={profile.postalCode} autoComplete="postal-code" required={false} />
          <TextField name="city" label={labels.city} defaultValue={profile.city} autoComplete="address-level2" required={false} />
        </fieldset>
        <fieldset className={fieldset}>
          <legend className={legend}>{t('profile.contact')}</legend>
          <TextField name="contactName" label={labels.contactName} defaultValue={profile.contactName} required={false} />
          <TextField name="contactEmail" type="email" label={labels.contactEmail} defaultValue={profile.contactEmail} required={false} />
          <TextField name="contactPhone" type="tel" label={labels.contactPhone} defaultValue={profile.contactPhone} required={false} />
        </fieldset>
        <fieldset className={fieldset}>
          <legend className={legend}>{t('profile.bank')}</legend>
          <TextField name="iban" label={labels.iban} hint={t('profile.ibanHint')} defaultValue={profile.iban} required={false} />
          <TextField name="bic" label={labels.bic} defaultValue={profile.bic} required={false} />
        </fieldset>
        <TextArea name="internalRules" label={labels.internalRules} hint={t('profile.internalRulesHint')} defaultValue={profile.internalRules} />
        <SubmitButton>{t('profile.save')}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
