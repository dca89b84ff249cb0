import { Form, Link, data } from 'react-router';
import type { Route } from './+types/unit';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { unitSelectOptions } from '../../components/UnitOptions';
import { ErrorSummary, SelectField, SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { coordinatorSchema, moveUnitSchema, updateUnitSchema } from '../../forms/units';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { readIntentForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { unitOptions } from '../../../server/organisations/list-users';
import { type UnitResult, coordinatorCandidates, getUnit, moveUnit, setCoordinator, unitCoordinators, updateUnit } from '../../../server/organisations/units';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'unit.manage', { organisationId });
  const unitId = requireUuid(params.unitId);
  const unit = await getUnit(ctx, organisationId, unitId);
  if (!unit) throw data(null, { status: 404 });
  const all = await unitOptions(ctx, organisationId);
  return {
    organisationId,
    unit: { id: unit.id, name: unit.name, kind: unit.kind, trainsWithCentre: unit.trainsWithCentre, active: unit.active, parentId: unit.parentId ?? '' },
    // Its own subtree cannot be its new parent.
    parents: unitSelectOptions(all.filter((u) => !u.path.startsWith(unit.path))),
    coordinators: await unitCoordinators(ctx, unitId),
    candidates: (await coordinatorCandidates(ctx, organisationId)).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` })),
  };
}

const notices = { update: 'units.saved', move: 'units.moved', assignCoordinator: 'units.coordinatorAdded', removeCoordinator: 'units.coordinatorRemoved' } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'unit.manage', { organisationId });
  const unitId = requireUuid(params.unitId);
  const form = await readIntentForm(request, { update: updateUnitSchema, move: moveUnitSchema, assignCoordinator: coordinatorSchema, removeCoordinator: coordinatorSchema });
  if (!form.ok) return data({ ok: false as const, intent: form.intent, errors: form.errors, values: form.values }, { status: 400 });
  let result: UnitResult;
  if (form.intent === 'update') {
    const { name, kind, trainsWithCentre, active } = form.data;
    result = await updateUnit(ctx, organisationId, unitId, { name, kind, trainsWithCentre: trainsWithCentre === 'yes', active: active === 'yes' });
  } else if (form.intent === 'move') {
    result = await moveUnit(ctx, organisationId, unitId, form.data.parentId || null);
  } else {
    result = await setCoordinator(ctx, organisationId, unitId, form.data.userId, form.intent === 'assignCoordinator');
  }
  if (!result.ok) {
    if (!('field' in result)) throw data(null, { status: 404 });
    return data({ ok: false as const, intent: form.intent, errors: { [result.field]: { key: result.error } }, values: {} }, { status: 400 });
  }
  return { ok: true as const, notice: notices[form.intent] };
}

export default function UnitPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { unit, organisationId } = loaderData;
  const failed = (intent: string) => (actionData && !actionData.ok && actionData.intent === intent ? actionData : undefined);
  const yesNo = [
    { value: 'yes', label: t('units.yes') },
    { value: 'no', label: t('units.no') },
  ];
  const detailLabels = { name: t('units.name'), kind: t('units.kind'), trainsWithCentre: t('units.trainsWithCentre'), active: t('units.active') };
  return (
    <>
      <title>{`${t('units.edit', { unit: unit.name })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}/units`}>{t('units.backToUnits')}</Link>
      </p>
      <h1>{t('units.edit', { unit: unit.name })}</h1>
      <HelpLink area="units" />
      {actionData?.ok && <Notice tone="ok">{t(actionData.notice)}</Notice>}
      {actionData && !actionData.ok && !actionData.intent && <ErrorSummary errors={actionData.errors} labels={{}} />}
      <h2>{t('units.details')}</h2>
      <ValidatedForm method="post" schema={updateUnitSchema} serverState={failed('update')} labels={detailLabels}>
        <input type="hidden" name="intent" value="update" />
        <TextField name="name" label={detailLabels.name} defaultValue={unit.name} />
        <SelectField
          name="kind"
          label={detailLabels.kind}
          placeholder={t('units.chooseKind')}
          defaultValue={unit.kind}
          options={(['district', 'region', 'association'] as const).map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
        />
        <SelectField name="trainsWithCentre" label={detailLabels.trainsWithCentre} placeholder="–" defaultValue={unit.trainsWithCentre ? 'yes' : 'no'} options={yesNo} />
        <SelectField name="active" label={detailLabels.active} placeholder="–" defaultValue={unit.active ? 'yes' : 'no'} options={yesNo} />
        <SubmitButton>{t('units.save')}</SubmitButton>
      </ValidatedForm>
      <h2>{t('units.move')}</h2>
      <ValidatedForm method="post" schema={moveUnitSchema} serverState={failed('move')} labels={{ parentId: t('units.parent') }}>
        <input type="hidden" name="intent" value="move" />
        <SelectField name="parentId" label={t('units.parent')} hint={t('units.moveHint')} placeholder={t('units.topLevel')} defaultValue={unit.parentId} options={loaderData.parents} />
        <SubmitButton>{t('units.moveSubmit')}</SubmitButton>
      </ValidatedForm>
      <h2>{t('units.coordinators')}</h2>
      {loaderData.coordinators.length === 0 ? (
        <p className="mb-4">{t('units.noCoordinators')}</p>
      ) : (
        <ul className="mb-4 space-y-2">
          {loaderData.coordinators.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3">
              <span>
                {c.name} ({c.email})
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="removeCoordinator" />
                <input type="hidden" name="userId" value={c.id} />
                <button type="submit" className="rounded border-2 border-brand-600 px-2 py-1 text-sm font-semibold text-brand-700" aria-label={t('units.removeCoordinator', { name: c.name })}>
                  {t('units.remove')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <ValidatedForm method="post" schema={coordinatorSchema} serverState={failed('assignCoordinator')} labels={{ userId: t('units.addCoordinator') }}>
        <input type="hidden" name="intent" value="assignCoordinator" />
        <SelectField name="userId" label={t('units.addCoordinator')} hint={t('units.coordinatorHint')} placeholder={t('units.chooseUser')} options={loaderData.candidates} />
        <SubmitButton>{t('units.assign')}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
