import { Link, data } from 'react-router';
import type { Route } from './+types/units';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { unitSelectOptions } from '../../components/UnitOptions';
import { SelectField, SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { createUnitSchema } from '../../forms/units';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { unitOptions } from '../../../server/organisations/list-users';
import { type UnitNode, getUnitTree } from '../../../server/organisations/unit-tree';
import { createUnit } from '../../../server/organisations/units';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'unit.manage', { organisationId });
  const organisation = await getOrganisation(ctx, organisationId);
  if (!organisation) throw data(null, { status: 404 });
  return { organisation: { id: organisation.id, name: organisation.name }, tree: await getUnitTree(ctx, organisationId), parents: unitSelectOptions(await unitOptions(ctx, organisationId)) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'unit.manage', { organisationId });
  const form = await readForm(request, createUnitSchema);
  if (!form.ok) return data(form, { status: 400 });
  const result = await createUnit(ctx, organisationId, { name: form.data.name, kind: form.data.kind, parentId: form.data.parentId || null });
  if (!result.ok) {
    if (!('field' in result)) throw data(null, { status: 404 });
    return data({ ok: false as const, errors: { [result.field]: { key: result.error } }, values: form.data as Record<string, string> }, { status: 400 });
  }
  return { ok: true as const, createdId: result.unitId };
}

function ManagedTree({ nodes, organisationId }: { nodes: UnitNode[]; organisationId: string }) {
  const { t } = useI18n();
  return (
    <ul className="ml-5 list-disc">
      {nodes.map((unit) => (
        <li key={unit.id} className="my-1">
          <Link to={`/organisations/${organisationId}/units/${unit.id}`} aria-label={t('units.edit', { unit: unit.name })}>
            {unit.name}
          </Link>{' '}
          <span className="text-slate-700">({t(`unitKinds.${unit.kind}`)})</span>{' '}
          {!unit.active && <StatusTag tone="neutral">{t('units.inactive')}</StatusTag>}{' '}
          {unit.active && !unit.trainsWithCentre && <StatusTag tone="neutral">{t('organisations.notTrainingWithCentre')}</StatusTag>}
          {unit.children.length > 0 && <ManagedTree nodes={unit.children} organisationId={organisationId} />}
        </li>
      ))}
    </ul>
  );
}

export default function Units({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation } = loaderData;
  const title = t('units.title', { organisation: organisation.name });
  const labels = { name: t('units.name'), kind: t('units.kind'), parentId: t('units.parent') };
  return (
    <>
      <title>{`${title} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>{title}</h1>
      <HelpLink area="units" />
      <p className="mb-4 max-w-3xl">{t('units.intro')}</p>
      {loaderData.tree.length === 0 ? <p>{t('organisations.noUnits')}</p> : <ManagedTree nodes={loaderData.tree} organisationId={organisation.id} />}
      <h2>{t('units.create')}</h2>
      {actionData?.ok && <Notice tone="ok">{t('units.created')}</Notice>}
      <ValidatedForm method="post" schema={createUnitSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={labels} key={actionData?.ok ? actionData.createdId : 'form'}>
        <input type="hidden" name="intent" value="create" />
        <TextField name="name" label={labels.name} />
        <SelectField
          name="kind"
          label={labels.kind}
          placeholder={t('units.chooseKind')}
          options={(['district', 'region', 'association'] as const).map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
        />
        <SelectField name="parentId" label={labels.parentId} placeholder={t('units.topLevel')} options={loaderData.parents} />
        <SubmitButton>{t('units.createSubmit')}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
