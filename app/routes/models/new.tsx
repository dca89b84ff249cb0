import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { HelpLink } from '../../components/HelpLink';
import { ModelForm } from '../../components/models/ModelForm';
import { modelSchema, toModelContent } from '../../forms/models';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { emptyModelContent } from '../../../server/models/content';
import { createModel } from '../../../server/models/models';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  await requirePermission(request, context, 'model.write', { organisationId });
  return { organisationId };
}

/** A new model is saved as a draft first; it is submitted from its own page, where what is missing shows. */
export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'model.write', { organisationId });
  const form = await readForm(request, modelSchema);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const created = await createModel(ctx, organisationId, toModelContent(form.data));
  throw redirect(`/organisations/${organisationId}/models/${created.modelId}?save=1`);
}

export default function NewModel({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <>
      <title>{`${t('models.newModel')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${loaderData.organisationId}/models`}>{t('models.title')}</Link>
      </p>
      <h1>{t('models.newModel')}</h1>
      <HelpLink area="models" />
      <ModelForm content={emptyModelContent()} serverState={actionData && !actionData.ok ? actionData : undefined} canSubmit={false} />
    </>
  );
}
