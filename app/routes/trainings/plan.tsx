import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/plan';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { DangerButton, ErrorSummary, SubmitButton } from '../../components/forms';
import { HoursAvailability } from '../../components/trainings/HoursAvailability';
import { PlanFindings } from '../../components/trainings/PlanFindings';
import { PlanForm } from '../../components/trainings/PlanForm';
import { TrainingStatusTag } from '../../components/trainings/TrainingStatusTag';
import { unitSelectOptions } from '../../components/UnitOptions';
import { cancelPlanSchema, planSchema, submitPlanSchema, toPlanInput } from '../../forms/trainings';
import { baseUrl } from '../../http/base-url.server';
import { readIntentForm } from '../../http/form.server';
import { planRefusal, requirePlan } from '../../http/training.server';
import { useI18n } from '../../i18n/react';
import type { Finding } from '../../../server/trainings/eligibility';
import { can } from '../../../server/access/permissions';
import { formatDateRange } from '../../../server/calendar/format';
import { hoursAvailableTo } from '../../../server/hours/availability';
import { formatHundredths } from '../../../server/hours/format';
import { eligibilityOf, planFindings, ruleSetFor } from '../../../server/trainings/findings';
import { hasEnded } from '../../../server/trainings/kinds';
import { plannableUnits } from '../../../server/trainings/plannable-units';
import { modelChoices } from '../../../server/models/versions';
import { modelOptionsOf } from '../../components/models/model-options';
import { cancelPlan, editableStatuses, savePlan, submitPlan } from '../../../server/trainings/plans';
import { hundredthsFromMinutes } from '../../../server/trainings/teaching-hours';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx, organisationId, plan, target } = await requirePlan(request, context, 'training.read', params);
  const editable = editableStatuses.has(plan.status) && can(ctx.actor, 'training.plan', target);
  const [ruleSet, available, units, models] = await Promise.all([
    ruleSetFor(ctx, plan.year),
    hoursAvailableTo(ctx.db, plan.year, organisationId, plan.unitId),
    editable ? plannableUnits(ctx, organisationId) : [],
    modelChoices(ctx, organisationId, plan.modelVersionId),
  ]);
  const { unitPath: _path, createdBy: _owner, ...shown } = plan;
  const notice = (['saved', 'submitted', 'cancelled'] as const).find((key) => new URL(request.url).searchParams.has(key)) ?? null;
  return {
    organisationId,
    plan: shown,
    editable,
    canCopy: can(ctx.actor, 'training.plan', { organisationId }),
    // The plan's own unit stays a choice even if it no longer trains (the save then says why).
    units: unitSelectOptions(units.some((u) => u.id === plan.unitId) ? units : [...units, { id: plan.unitId, name: plan.unitName, path: plan.unitPath }]),
    findings: planFindings(eligibilityOf(plan, plan.sessions), ruleSet, plan.status !== 'draft'),
    rules: ruleSet.rules,
    available,
    models,
    notice,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { ctx, organisationId, plan } = await requirePlan(request, context, 'training.plan', params);
  const form = await readIntentForm(request, { save: planSchema, submit: submitPlanSchema, cancel: cancelPlanSchema });
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values, findings: [] as Finding[] }, { status: 400 });
  let result;
  if (form.intent === 'save') {
    const input = toPlanInput(form.data);
    // Moving the plan to a unit outside the actor's part of the organisation is refused like a unit that does not train.
    const allowed = input.unitId === plan.unitId || (await plannableUnits(ctx, organisationId)).some((u) => u.id === input.unitId);
    result = allowed ? await savePlan(ctx, organisationId, plan.id, input) : ({ ok: false, error: 'trainings.errors.unitNotTraining' } as const);
  } else {
    result = form.intent === 'submit' ? await submitPlan(ctx, organisationId, plan.id) : await cancelPlan(ctx, organisationId, plan.id, { publicUrl: baseUrl(context) });
  }
  if (!result.ok) return planRefusal(request, ctx, result, form.values);
  throw redirect(`/organisations/${organisationId}/trainings/${plan.id}?${form.intent === 'save' ? 'saved' : form.intent === 'submit' ? 'submitted' : 'cancelled'}=1`);
}

export default function PlanPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { organisationId, plan, editable, findings, rules, available } = loaderData;
  // The last redirect's notice stays in the address; a later answer on this page replaces it.
  const notice = actionData ? null : loaderData.notice;
  const hours = (hundredths: number) => formatHundredths(language, hundredths);
  const planned = hundredthsFromMinutes(plan.teachingMinutes);
  const refusal = actionData && !actionData.ok && actionData.errors._form ? actionData : undefined;
  const dates = plan.startsOn && plan.endsOn ? formatDateRange(language, plan.startsOn, plan.endsOn) : t('trainings.noSessions');
  return (
    <>
      <title>{`${plan.name} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to="/trainings">{t('trainings.backToList')}</Link>
      </p>
      <h1>{plan.name}</h1>
      <HelpLink area="trainings" />
      {notice === 'saved' && <Notice tone="ok">{t('trainings.saved')}</Notice>}
      {notice === 'submitted' && <Notice tone="ok">{t('trainings.submittedNotice', { hours: hours(plan.held.reserved) })}</Notice>}
      {notice === 'cancelled' && <Notice tone="ok">{t('trainings.cancelledNotice')}</Notice>}
      {refusal && <ErrorSummary errors={refusal.errors} labels={{}} />}
      <h2>{t('trainings.summary')}</h2>
      <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">{t('trainings.status')}</dt>
        <dd>
          <TrainingStatusTag status={plan.status} />
        </dd>
        <dt className="font-semibold">{t('trainings.unit')}</dt>
        <dd>{plan.unitName}</dd>
        <dt className="font-semibold">{t('trainings.type')}</dt>
        <dd>{t(`trainings.types.${plan.type}`)}</dd>
        <dt className="font-semibold">{t('trainings.dates')}</dt>
        <dd>{dates}</dd>
        <dt className="font-semibold">{t('trainings.plannedHours')}</dt>
        <dd className="tabular-nums">{`${hours(planned)} h`}</dd>
        <dt className="font-semibold">{t('trainings.reservedHours')}</dt>
        <dd className="tabular-nums">{`${hours(plan.held.reserved)} h`}</dd>
        <dt className="font-semibold">{t('trainings.usedHours')}</dt>
        <dd className="tabular-nums">{`${hours(plan.held.used)} h`}</dd>
        <dt className="font-semibold">{t('trainings.owner')}</dt>
        <dd>{plan.ownerName}</dd>
      </dl>
      <h2>{t('trainings.rules')}</h2>
      <PlanFindings findings={refusal?.findings.length ? refusal.findings : findings} />
      {editable && plan.status === 'draft' && (
        <Form method="post" className="mb-8">
          <input type="hidden" name="intent" value="submit" />
          <p className="mb-2 max-w-3xl">{t('trainings.submitHint', { hours: hours(planned) })}</p>
          <SubmitButton>{t('trainings.submit')}</SubmitButton>
        </Form>
      )}
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}/trainings/${plan.id}/participants`} className="font-semibold">
          {t('trainings.participantsLink')}
        </Link>
      </p>
      {plan.status !== 'draft' && plan.status !== 'cancelled' && (
        <p className="mb-2">
          <Link to={`/organisations/${organisationId}/trainings/${plan.id}/attendance`} className="font-semibold">
            {t('trainings.attendanceLink')}
          </Link>
        </p>
      )}
      {plan.modelVersionId && plan.status !== 'draft' && plan.status !== 'cancelled' && (
        <p className="mb-2">
          <Link to={`/organisations/${organisationId}/trainings/${plan.id}/results`} className="font-semibold">
            {t('results.link')}
          </Link>
        </p>
      )}
      {hasEnded(plan.status) && (
        <p className="mb-2">
          <Link to={`/organisations/${organisationId}/trainings/${plan.id}/expense-report`} className="font-semibold">
            {t('trainings.expenseReportLink')}
          </Link>
        </p>
      )}
      {plan.feedbackRequestedAt && (
        <p className="mb-2">
          <Link to={`/organisations/${organisationId}/trainings/${plan.id}/feedback`}>{t('trainings.feedbackLink')}</Link>
        </p>
      )}
      {plan.isPublic && plan.status !== 'draft' && (
        <p className="mb-2">
          <Link to={`/training-calendar/${plan.id}`}>{t('trainings.publicPageLink')}</Link>
        </p>
      )}
      {loaderData.canCopy && (
        <p className="mb-6">
          <Link to={`/organisations/${organisationId}/trainings/new?from=${plan.id}`}>{t('trainings.copy')}</Link>
        </p>
      )}
      {editable ? (
        <>
          <h2>{t('trainings.editTitle')}</h2>
          <PlanForm
            plan={plan}
            unitOptions={loaderData.units}
            modelOptions={modelOptionsOf(loaderData.models, language, t('models.version'))}
            serverState={actionData && !actionData.ok && !refusal ? actionData : undefined}
            rules={rules}
            availability={<HoursAvailability year={plan.year} available={available} />}
          />
          <Form method="post" className="mt-8 border-t border-slate-300 pt-4">
            <input type="hidden" name="intent" value="cancel" />
            <p className="mb-2 max-w-3xl">{t('trainings.cancelHint')}</p>
            <DangerButton>{t('trainings.cancel')}</DangerButton>
          </Form>
        </>
      ) : (
        <p className="mb-4">
          <StatusTag tone="neutral">{t('trainings.notEditableNotice', { status: t(`trainings.statuses.${plan.status}`) })}</StatusTag>
        </p>
      )}
    </>
  );
}
