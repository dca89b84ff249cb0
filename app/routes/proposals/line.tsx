import { Form, Link, data, redirect } from 'react-router';
import { unitOption } from '../../components/UnitOptions';
import type { Route } from './+types/line';
import { Notice } from '../../components/Notice';
import { CheckboxField, DangerButton, SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from '../../components/forms';
import { deleteLineSchema, editLineSchema, fillLineSchema, toLineInput } from '../../forms/proposals';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { fieldRefusal, readIntentForm } from '../../http/form.server';
import { requireYear } from '../../http/year.server';
import { translateDynamic } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { formatHoursInput } from '../../../server/hours/format';
import { deleteLine, fillDelegatedLine, findProposal, proposalLines, saveLineAsAdmin } from '../../../server/hours/proposals';
import { flattenUnits } from '../../../server/organisations/flatten-units';
import { getUnitTree } from '../../../server/organisations/unit-tree';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'proposal.view', { organisationId });
  const year = requireYear(params.year);
  const proposal = await findProposal(ctx.db, organisationId, year);
  const line = proposal && (await proposalLines(ctx, proposal)).find((l) => l.id === requireUuid(params.lineId));
  if (!line) throw data(null, { status: 404 });
  const asAdmin = can(ctx.actor, 'proposal.edit', { organisationId });
  const units = asAdmin ? flattenUnits(await getUnitTree(ctx, organisationId)).map(({ node, depth }) => unitOption(node.id, node.name, depth)) : [];
  return { organisationId, year, line, asAdmin, units };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'proposal.view', { organisationId });
  const year = requireYear(params.year);
  const lineId = requireUuid(params.lineId);
  const form = await readIntentForm(request, { save: editLineSchema, delete: deleteLineSchema, fill: fillLineSchema });
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  // The admin edits or removes any line; a coordinator fills in a line delegated to their unit.
  await requirePermission(request, context, form.intent === 'fill' ? 'proposal.fillDelegated' : 'proposal.edit', { organisationId });
  const result =
    form.intent === 'save'
      ? await saveLineAsAdmin(ctx, organisationId, year, lineId, toLineInput(form.data))
      : form.intent === 'delete'
        ? await deleteLine(ctx, organisationId, year, lineId)
        : await fillDelegatedLine(ctx, organisationId, year, lineId, { theme: form.data.theme, hundredths: form.data.hours, justification: form.data.justification, ready: form.data.ready === 'yes' });
  if (!result.ok && result.error === 'notFound') throw data(null, { status: 404 });
  if (!result.ok) return fieldRefusal(result.error === 'proposals.errors.unknownUnit' ? 'unitId' : '_form', { key: result.error }, form.values, 409);
  throw redirect(`/organisations/${organisationId}/hours/proposals/${year}`);
}

/** What both the admin and a coordinator write on a line. */
function LineTextFields({ line, labels }: { line: { theme: string; hundredths: number; justification: string }; labels: Record<'theme' | 'hours' | 'justification', string> }) {
  const { t, language } = useI18n();
  return (
    <>
      <TextField name="theme" label={labels.theme} defaultValue={line.theme} required={false} />
      <TextField name="hours" label={labels.hours} hint={t('proposals.hoursHint')} defaultValue={formatHoursInput(language, line.hundredths)} />
      <TextArea name="justification" label={labels.justification} defaultValue={line.justification} rows={3} />
    </>
  );
}

export default function ProposalLine({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { organisationId, year, line, asAdmin, units } = loaderData;
  const formError = actionData && !actionData.ok ? actionData.errors._form : undefined;
  const labels = { unitId: t('proposals.unit'), theme: t('proposals.theme'), hours: t('hours.hoursField'), justification: t('proposals.justification'), delegated: t('proposals.delegate'), ready: t('proposals.markReady') };
  const serverState = actionData && !actionData.ok && !formError ? actionData : undefined;
  return (
    <>
      <title>{`${t('proposals.lineTitle', { year })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}/hours/proposals/${year}`}>{t('proposals.back', { year })}</Link>
      </p>
      <h1>{t('proposals.lineTitle', { year })}</h1>
      {line.unitName && <p className="mb-4 text-lg">{line.unitName}</p>}
      {formError && <Notice tone="error">{translateDynamic(language, formError.key, formError.params)}</Notice>}
      {asAdmin ? (
        <ValidatedForm method="post" schema={editLineSchema} serverState={serverState} labels={labels}>
          <input type="hidden" name="intent" value="save" />
          <SelectField name="unitId" label={labels.unitId} placeholder={t('proposals.wholeOrganisation')} options={units} defaultValue={line.unitId ?? ''} />
          <LineTextFields line={line} labels={labels} />
          <CheckboxField name="delegated" label={t('proposals.delegate')} defaultChecked={line.delegated} />
          <SubmitButton>{t('proposals.saveLine')}</SubmitButton>
        </ValidatedForm>
      ) : (
        <ValidatedForm method="post" schema={fillLineSchema} serverState={serverState} labels={labels}>
          <input type="hidden" name="intent" value="fill" />
          <LineTextFields line={line} labels={labels} />
          <CheckboxField name="ready" label={t('proposals.markReady')} defaultChecked={line.ready} />
          <SubmitButton>{t('proposals.saveLine')}</SubmitButton>
        </ValidatedForm>
      )}
      {asAdmin && (
        <Form method="post" className="mt-8 border-t border-slate-300 pt-4">
          <input type="hidden" name="intent" value="delete" />
          <DangerButton>{t('proposals.deleteLine')}</DangerButton>
        </Form>
      )}
    </>
  );
}
