import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { HelpLink } from '../../components/HelpLink';
import { ChoiceGroup, SubmitButton, TextArea, TextField, ValidatedForm } from '../../components/forms';
import { announcementSchema } from '../../forms/calendar';
import { requirePermission } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { announcementOrganisationChoices, sendAnnouncement } from '../../../server/notifications/announcements';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'announcement.send');
  return { organisations: await announcementOrganisationChoices(ctx) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'announcement.send');
  const form = await readForm(request, announcementSchema);
  if (!form.ok) return data(form, { status: 400 });
  const result = await sendAnnouncement(ctx, form.data, { publicUrl: baseUrl(context) });
  if (!result.ok) {
    const values = { ...form.data, organisationIds: form.data.organisationIds.join('\n') };
    return data({ ok: false as const, errors: { [result.field]: { key: result.error } }, values }, { status: 400 });
  }
  throw redirect(`/announcements/${result.id}?sent=1`);
}

export default function NewAnnouncement({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const labels = {
    subjectFi: t('announcements.fields.subjectFi'),
    bodyFi: t('announcements.fields.bodyFi'),
    subjectSv: t('announcements.fields.subjectSv'),
    bodySv: t('announcements.fields.bodySv'),
    subjectEn: t('announcements.fields.subjectEn'),
    bodyEn: t('announcements.fields.bodyEn'),
    audience: t('announcements.audience'),
    organisationIds: t('announcements.fields.organisations'),
  };
  return (
    <>
      <title>{`${t('announcements.new')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/announcements">{t('announcements.back')}</Link>
      </p>
      <h1>{t('announcements.new')}</h1>
      <HelpLink area="calendar" />
      <p className="mb-4 max-w-3xl">{t('announcements.intro')}</p>
      <ValidatedForm method="post" schema={announcementSchema} serverState={actionData} labels={labels}>
        <TextField name="subjectFi" label={labels.subjectFi} />
        <TextArea name="bodyFi" label={labels.bodyFi} rows={6} />
        <TextField name="subjectSv" label={labels.subjectSv} hint={t('announcements.fields.translationHint')} required={false} />
        <TextArea name="bodySv" label={labels.bodySv} rows={6} />
        <TextField name="subjectEn" label={labels.subjectEn} hint={t('announcements.fields.translationHint')} required={false} />
        <TextArea name="bodyEn" label={labels.bodyEn} rows={6} />
        <ChoiceGroup
          name="audience"
          legend={labels.audience}
          type="radio"
          options={[
            { value: 'allAdmins', label: t('announcements.audiences.allAdmins') },
            { value: 'organisations', label: t('announcements.audiences.organisations') },
          ]}
          defaultValues={['allAdmins']}
        />
        <ChoiceGroup
          name="organisationIds"
          legend={labels.organisationIds}
          hint={t('announcements.fields.organisationsHint')}
          type="checkbox"
          scrollable
          options={loaderData.organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <SubmitButton>{t('announcements.send')}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
