import { Form, data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { ErrorSummary, SelectField, SubmitButton } from '../../components/forms';
import { HoursAvailability } from '../../components/trainings/HoursAvailability';
import { PlanForm } from '../../components/trainings/PlanForm';
import { PlanFindings } from '../../components/trainings/PlanFindings';
import { unitSelectOptions } from '../../components/UnitOptions';
import { planSchema, toPlanInput } from '../../forms/trainings';
import { isUuid, requirePermission, requireUuid } from '../../http/authorize.server';
import { readForm } from '../../http/form.server';
import { planRefusal } from '../../http/training.server';
import { useI18n } from '../../i18n/react';
import type { Finding } from '../../../server/trainings/eligibility';
import { can } from '../../../server/access/permissions';
import { helsinkiDate, yearOf } from '../../../server/calendar/dates';
import { supportRulesFor } from '../../../server/centre/support-rules';
import { hoursAvailableTo } from '../../../server/hours/availability';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { copyOfPlan } from '../../../server/trainings/copy';
import { listTrainings } from '../../../server/trainings/list';
import { plannableUnits } from '../../../server/trainings/plannable-units';
import { modelChoices } from '../../../server/models/versions';
import { modelOptionsOf } from '../../components/models/model-options';
import { savePlan } from '../../../server/trainings/plans';
import { getPlan } from '../../../server/trainings/read';

/** The earlier plan to copy, when the actor may read it. */
async function sourcePlan(ctx: Parameters<typeof getPlan>[0], organisationId: string, from: string | null) {
  if (!isUuid(from)) return null;
  const plan = await getPlan(ctx, organisationId, from.toLowerCase());
  return plan && can(ctx.actor, 'training.read', { organisationId, unitPath: plan.unitPath, ownerUserId: plan.createdBy ?? '' }) ? plan : null;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'training.plan', { organisationId });
  const today = helsinkiDate(ctx.clock.now());
  const [organisation, units, source, earlier] = await Promise.all([
    getOrganisation(ctx, organisationId),
    plannableUnits(ctx, organisationId),
    sourcePlan(ctx, organisationId, new URL(request.url).searchParams.get('from')),
    listTrainings(ctx, { organisationId, year: null, unitId: null, status: null, type: null, search: '', sort: 'updated', descending: true, page: 1 }),
  ]);
  if (!organisation) throw data(null, { status: 404 });
  const plan = source ? copyOfPlan(source, today) : null;
  const year = plan?.sessions[0] ? yearOf(plan.sessions[0].date) : yearOf(today);
  const unitId = plan?.unitId ?? (units.length === 1 ? units[0]!.id : null);
  const [rules, available, models] = await Promise.all([supportRulesFor(ctx, year), unitId ? hoursAvailableTo(ctx.db, year, organisationId, unitId) : null, modelChoices(ctx, organisationId, plan?.modelVersionId)]);
  return {
    organisationName: organisation.name,
    units: unitSelectOptions(units),
    plan,
    copiedFrom: source ? { id: source.id, name: source.name } : null,
    earlier: earlier.rows.map((r) => ({ value: r.id, label: r.startsOn ? `${r.name} (${r.startsOn.slice(0, 4)})` : r.name })),
    rules,
    year,
    available,
    models,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'training.plan', { organisationId });
  const form = await readForm(request, planSchema);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values, findings: [] as Finding[] }, { status: 400 });
  const source = await sourcePlan(ctx, organisationId, new URL(request.url).searchParams.get('from'));
  // A unit outside the actor's part of the organisation is refused like one that does not train.
  const units = await plannableUnits(ctx, organisationId);
  const input = toPlanInput(form.data);
  const result = units.some((u) => u.id === input.unitId) ? await savePlan(ctx, organisationId, null, input, source?.id ?? null) : ({ ok: false, error: 'trainings.errors.unitNotTraining' } as const);
  if (!result.ok) return planRefusal(request, ctx, result, form.values);
  throw redirect(`/organisations/${organisationId}/trainings/${result.id}?saved=1`);
}

export default function NewPlan({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { plan, units, rules, year, available, copiedFrom, earlier } = loaderData;
  const refusal = actionData && !actionData.ok && actionData.errors._form ? actionData : undefined;
  return (
    <>
      <title>{`${t('trainings.newTitle')} – ${t('app.name')}`}</title>
      <h1>{t('trainings.newTitle')}</h1>
      <p className="mb-2 text-lg">{loaderData.organisationName}</p>
      <HelpLink area="trainings" />
      {units.length === 0 ? (
        <Notice tone="warn">{t('trainings.noPlannableUnits')}</Notice>
      ) : (
        <>
          {earlier.length > 0 && (
            <Form method="get" className="mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4">
              <h2 className="mt-0">{t('trainings.copyFrom')}</h2>
              <SelectField name="from" label={t('trainings.copyFromChoose')} hint={t('trainings.copyFromHint')} placeholder={t('trainings.copyFromChoose')} options={earlier} defaultValue={copiedFrom?.id ?? ''} />
              <SubmitButton>{t('trainings.copyFromSubmit')}</SubmitButton>
            </Form>
          )}
          {copiedFrom && <Notice tone="warn">{t('trainings.copiedNotice', { name: copiedFrom.name })}</Notice>}
          {refusal && refusal.findings.length > 0 && <PlanFindings findings={refusal.findings} />}
          {refusal && <ErrorSummary errors={refusal.errors} labels={{}} />}
          <PlanForm
            plan={plan}
            unitOptions={units}
            modelOptions={modelOptionsOf(loaderData.models, language, t('models.version'))}
            serverState={actionData && !actionData.ok && !refusal ? actionData : undefined}
            rules={rules}
            availability={available && <HoursAvailability year={year} available={available} />}
          />
        </>
      )}
    </>
  );
}
