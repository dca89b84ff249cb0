import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/edit';
import { Notice } from '../../components/Notice';
import { ErrorSummary, FileField, FormState, SelectField, SubmitButton, TextArea, TextField } from '../../components/forms';
import { badgeSchema } from '../../forms/badges';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { badgeInputFrom } from '../../http/badges.server';
import { readUpload } from '../../http/upload.server';
import { languages } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { createBadge, getBadge, modelsWithoutBadge, updateBadge } from '../../../server/badges/definitions';
import { localised } from '../../../server/badges/localised';

/** One page for a new badge (/badges/new) and an existing one (/badges/:badgeId). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const isNew = params.badgeId === undefined;
  const ctx = await requirePermission(request, context, isNew ? 'badge.define' : 'badge.read');
  const badge = isNew ? null : await getBadge(ctx.db, requireUuid(params.badgeId));
  if (!isNew && !badge) throw data(null, { status: 404 });
  const notice = new URL(request.url).searchParams.get('saved');
  return {
    badge: badge && { id: badge.id, awardedFor: badge.awardedFor, name: badge.name, description: badge.description, criteria: badge.criteria, imageVersion: badge.updatedAt.getTime() },
    models: isNew ? await modelsWithoutBadge(ctx) : [],
    canDefine: can(ctx.actor, 'badge.define'),
    notice: notice === 'created' || notice === 'updated' ? notice : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'badge.define');
  const badgeId = params.badgeId === undefined ? null : requireUuid(params.badgeId);
  const form = await readUpload(request, badgeSchema, 'image', { optional: true });
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const input = badgeInputFrom(form.data);
  const result = badgeId ? await updateBadge(ctx, badgeId, input) : await createBadge(ctx, { ...input, modelId: form.data.modelId || null });
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    return data({ errors: { [result.field]: { key: result.error } }, values: form.values }, { status: 400 });
  }
  return redirect(`/badges/${result.badgeId}?saved=${badgeId ? 'updated' : 'created'}`);
}

const fieldNames = ['name', 'description', 'criteria'] as const;

export default function EditBadge({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { badge } = loaderData;
  const title = badge ? localised(badge.name, language) : t('badges.newBadge');
  const labels = Object.fromEntries([...fieldNames.flatMap((f) => languages.map((l) => [`${f}_${l}`, t(`badges.fields.${f}_${l}`)])), ['image', t('badges.fields.image')], ['modelId', t('badges.fields.modelId')]]);
  const values = actionData?.values ?? {};
  return (
    <>
      <title>{`${title} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/badges">{t('badges.back')}</Link>
      </p>
      <h1>{title}</h1>
      {loaderData.notice && <Notice tone="ok">{t(loaderData.notice === 'created' ? 'badges.created' : 'badges.saved')}</Notice>}
      {badge && (
        <div className="mb-4 flex flex-wrap items-center gap-4">
          <img src={`/badges/achievements/${badge.id}/image.png?v=${badge.imageVersion}`} alt={t('badges.imageAlt', { name: localised(badge.name, language) })} width={128} height={128} />
          <p>
            {t(`badges.awardedFor.${badge.awardedFor}`)}
            <br />
            <a href={`/badges/achievements/${badge.id}`}>{t('badges.publicPage')}</a>
            <br />
            <Link to={`/badges/issued?badge=${badge.id}`}>{t('badges.issuedOfBadge')}</Link>
          </p>
        </div>
      )}
      {loaderData.canDefine ? (
        <FormState errors={actionData?.errors ?? {}} values={values}>
          <Form method="post" encType="multipart/form-data" noValidate className="max-w-3xl">
            <ErrorSummary errors={actionData?.errors ?? {}} labels={labels} />
            <p className="mb-4">{t('badges.hints.otherLanguages')}</p>
            {languages.map((l) => (
              <fieldset key={l} className="mb-4 rounded border border-slate-300 bg-white p-4">
                <legend className="px-1 font-semibold">{t(`badges.languages.${l}`)}</legend>
                <TextField name={`name_${l}`} label={labels[`name_${l}`]!} defaultValue={badge?.name[l]} required={l === 'fi'} />
                <TextArea name={`description_${l}`} label={labels[`description_${l}`]!} defaultValue={badge?.description[l]} rows={4} />
                <TextArea name={`criteria_${l}`} label={labels[`criteria_${l}`]!} defaultValue={badge?.criteria[l]} rows={4} />
              </fieldset>
            ))}
            <FileField name="image" label={labels.image!} hint={badge ? t('badges.hints.imageKeep') : t('badges.hints.image')} accept="image/png" />
            {!badge && (
              <SelectField
                name="modelId"
                label={labels.modelId!}
                hint={t('badges.hints.modelId')}
                placeholder={t('badges.modelPlaceholder')}
                options={loaderData.models.map((m) => ({ value: m.modelId, label: `${m.modelName} (${m.organisationName})` }))}
              />
            )}
            <SubmitButton>{t('badges.save')}</SubmitButton>
          </Form>
        </FormState>
      ) : (
        badge && (
          <dl className="max-w-3xl">
            <dt className="font-semibold">{t('badges.achievement.description')}</dt>
            <dd className="mb-2 whitespace-pre-line">{localised(badge.description, language)}</dd>
            <dt className="font-semibold">{t('badges.achievement.criteria')}</dt>
            <dd className="mb-2 whitespace-pre-line">{localised(badge.criteria, language)}</dd>
          </dl>
        )
      )}
    </>
  );
}
