import { type AppLoadContext, data } from 'react-router';
import type { Action } from '../../server/access/actions';
import type { ActorContext } from '../../server/context';
import { can } from '../../server/access/permissions';
import { formatHundredths } from '../../server/hours/format';
import type { Finding } from '../../server/trainings/eligibility';
import type { PlanResult } from '../../server/trainings/plans';
import type { FieldError } from '../forms/validation';
import { getPlan } from '../../server/trainings/read';
import { requirePermission, requireUuid } from './authorize.server';
import { fieldRefusal } from './form.server';
import { requestLanguage } from './language.server';

/**
 * Authorises an action on one plan: first on its organisation, then on the plan itself (a
 * coordinator's subtree, a trainer's own). Another organisation's plan, or a missing one, is 404.
 */
export async function requirePlan(request: Request, context: AppLoadContext, action: Action, params: { organisationId?: string; trainingId?: string }) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, action, { organisationId });
  const plan = await getPlan(ctx, organisationId, requireUuid(params.trainingId));
  if (!plan) throw data(null, { status: 404 });
  const target = { organisationId, unitPath: plan.unitPath, ownerUserId: plan.createdBy ?? '' };
  // A plan the actor may not even read does not exist for them; one they read but may not change is forbidden.
  if (!can(ctx.actor, 'training.read', target)) throw data(null, { status: 404 });
  if (!can(ctx.actor, action, target)) throw data(null, { status: 403 });
  return { ctx, organisationId, plan, target };
}

/** A refused plan action, shown on the form: by the field it concerns, or above it with the rules not met. */
export async function planRefusal(request: Request, ctx: ActorContext, result: Exclude<PlanResult, { ok: true }>, values: Record<string, string>) {
  if (result.error === 'notFound') throw data(null, { status: 404 });
  const findings: Finding[] = result.error === 'trainings.errors.ineligible' ? result.findings : [];
  if (result.error === 'trainings.errors.unitNotTraining') return fieldRefusal('unitId', { key: result.error }, values, 400, { findings });
  if (result.error === 'trainings.errors.modelNotApproved') return fieldRefusal('modelVersionId', { key: result.error }, values, 400, { findings });
  let error: FieldError = { key: result.error };
  if (result.error === 'hours.errors.insufficient') {
    const language = await requestLanguage(request, ctx.actor.language);
    const hours = (hundredths: number) => formatHundredths(language, hundredths);
    error = { key: 'trainings.errors.insufficientHours', params: { needed: hours(result.neededHundredths), available: hours(result.availableHundredths) } };
  }
  return fieldRefusal('_form', error, values, 409, { findings });
}
