import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/model';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { DangerButton, ErrorSummary, FormState, SubmitButton, TextArea } from '../../components/forms';
import { ModelForm } from '../../components/models/ModelForm';
import { ModelStatusTag } from '../../components/models/ModelStatusTag';
import { WorkloadSummary } from '../../components/models/WorkloadSummary';
import { approveModelSchema, modelCommentSchema, modelSchema, newVersionSchema, rejectModelSchema, returnModelSchema, startReviewSchema, toModelContent } from '../../forms/models';
import { baseUrl } from '../../http/base-url.server';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { fieldRefusal, readIntentForm } from '../../http/form.server';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import type { Action } from '../../../server/access/actions';
import { can } from '../../../server/access/permissions';
import { formatHundredths } from '../../../server/hours/format';
import { formatCredits } from '../../../server/models/format';
import { getModel } from '../../../server/models/lists';
import { takeModelStep } from '../../../server/models/models';
import { type ModelStep, isEditableModel, nextStatus } from '../../../server/models/workflow';
import { calculateWorkload, isReading } from '../../../server/models/workload';

const steps = ['save', 'submit', 'startReview', 'return', 'approve', 'reject', 'comment', 'newVersion'] as const satisfies readonly ModelStep[];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'model.read', { organisationId });
  const model = await getModel(ctx, organisationId, requireUuid(params.modelId));
  if (!model) throw data(null, { status: 404 });
  const write = can(ctx.actor, 'model.write', { organisationId });
  const review = can(ctx.actor, 'model.review');
  // Those who only plan trainings see the approved versions, the only ones they can use.
  const versions = write || review ? model.versions : model.versions.filter((v) => v.status === 'approved');
  if (versions.length === 0) throw data(null, { status: 404 });
  const searchParams = new URL(request.url).searchParams;
  return { organisationId, modelId: model.id, versions, write, review, notice: steps.find((step) => searchParams.has(step)) ?? null };
}

const stepAction: Record<ModelStep, Action> = {
  save: 'model.write',
  submit: 'model.write',
  newVersion: 'model.write',
  startReview: 'model.review',
  return: 'model.review',
  approve: 'model.review',
  reject: 'model.review',
  comment: 'model.read',
};

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const modelId = requireUuid(params.modelId);
  await requirePermission(request, context, 'model.read', { organisationId });
  const form = await readIntentForm(request, {
    save: modelSchema,
    submit: modelSchema,
    startReview: startReviewSchema,
    return: returnModelSchema,
    approve: approveModelSchema,
    reject: rejectModelSchema,
    comment: modelCommentSchema,
    newVersion: newVersionSchema,
  });
  if (!form.ok) return data({ ok: false as const, intent: form.intent as string | null, errors: form.errors, values: form.values }, { status: 400 });
  const ctx = await requirePermission(request, context, stepAction[form.intent], { organisationId });
  // Commenting is for the two sides of the review: the organisation's admins and staff.
  if (form.intent === 'comment' && !can(ctx.actor, 'model.write', { organisationId }) && !can(ctx.actor, 'model.review')) throw data(null, { status: 403 });
  const input = form.intent === 'save' || form.intent === 'submit' ? { content: toModelContent(form.data) } : { comment: 'comment' in form.data ? form.data.comment : '' };
  const result = await takeModelStep(ctx, { organisationId, modelId }, form.intent, input, { publicUrl: baseUrl(context) });
  if (result.ok) throw redirect(`/organisations/${organisationId}/models/${modelId}?${form.intent}=1`);
  if (result.error === 'notFound') throw data(null, { status: 404 });
  const extra = { intent: form.intent as string | null };
  if (result.error === 'models.errors.incomplete') {
    const errors = Object.fromEntries((result.missing ?? []).map((part) => [part === 'activities' ? 'activityKind' : part, { key: 'models.errors.required' }]));
    return data({ ok: false as const, ...extra, errors: { _form: { key: result.error }, ...errors }, values: form.values }, { status: 409 });
  }
  return fieldRefusal(result.error === 'models.errors.underMinimum' ? 'activityKind' : '_form', { key: result.error }, form.values, 409, extra);
}

/** A staff step's form: its button and, where it takes one, a comment kept after a refusal. */
function StepForm({ intent, comment, refused, children }: { intent: ModelStep; comment?: string; refused: { intent: string | null; errors: Record<string, { key: string }>; values: Record<string, string> } | undefined; children: React.ReactNode }) {
  const mine = refused?.intent === intent ? refused : undefined;
  return (
    <Form method="post" className="mb-4">
      <input type="hidden" name="intent" value={intent} />
      {comment && (
        <FormState errors={mine?.errors ?? {}} values={mine?.values ?? {}} idPrefix={`${intent}-`}>
          <TextArea name="comment" label={comment} rows={3} />
        </FormState>
      )}
      {children}
    </Form>
  );
}

/** A model: its latest version (the form while the organisation writes it), the review thread and staff's steps, and the earlier versions. */
export default function ModelPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { versions, write, review, notice } = loaderData;
  const latest = versions[0]!;
  const content = latest.content;
  const refused = actionData && !actionData.ok ? actionData : undefined;
  const formIntent = refused?.intent === 'save' || refused?.intent === 'submit';
  const allowed = (step: ModelStep) => nextStatus(latest.status, step) !== null;
  return (
    <>
      <title>{`${content.name || t('models.title')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${loaderData.organisationId}/models`}>{t('models.title')}</Link>
      </p>
      <h1>{content.name || t('models.newModel')}</h1>
      <HelpLink area="models" />
      {notice && !actionData && <Notice tone="ok">{t(`models.notices.${notice}`)}</Notice>}
      {refused && !formIntent && <ErrorSummary errors={refused.errors} labels={{ comment: t('models.fields.comment') }} />}
      <p className="mb-4 flex flex-wrap items-center gap-2">
        <ModelStatusTag status={latest.status} />
        <span>{t('models.version')} {latest.version}</span>
      </p>
      {write && isEditableModel(latest.status) ? (
        <ModelForm content={content} serverState={formIntent ? refused : undefined} canSubmit />
      ) : (
        <section aria-labelledby="design-title" className="mb-6 max-w-3xl">
          <h2 id="design-title">{t('models.design')}</h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t('models.fields.targetGroup')}</dt>
            <dd>{content.targetGroup}</dd>
            <dt className="font-semibold">{t('models.fields.outcomes')}</dt>
            <dd>
              <ul className="list-disc pl-5">
                {content.outcomes.map((o, i) => (
                  <li key={i}>{o}</li>
                ))}
              </ul>
            </dd>
            <dt className="font-semibold">{t('models.fields.content')}</dt>
            <dd className="whitespace-pre-line">{content.content}</dd>
            <dt className="font-semibold">{t('models.fields.assessmentMethod')}</dt>
            <dd className="whitespace-pre-line">{content.assessmentMethod}</dd>
            <dt className="font-semibold">{t('models.fields.assessmentCriteria')}</dt>
            <dd className="whitespace-pre-line">{content.assessmentCriteria}</dd>
            <dt className="font-semibold">{t('models.activities')}</dt>
            <dd>
              <ul className="list-disc pl-5">
                {content.activities.map((a, i) => (
                  <li key={i}>
                    {t(`models.kinds.${a.kind}`)}: {isReading(a.kind) ? t('models.pages', { count: a.amount }) : t('models.hours', { hours: formatHundredths(language, a.amount) })}
                    {a.description && ` – ${a.description}`}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          <WorkloadSummary workload={calculateWorkload(content.activities)} />
          {write && allowed('newVersion') && (
            <StepForm intent="newVersion" refused={refused}>
              <p className="mb-2 text-sm">{t('models.newVersionHint')}</p>
              <SubmitButton>{t('models.newVersion')}</SubmitButton>
            </StepForm>
          )}
        </section>
      )}
      {review && (allowed('startReview') || allowed('approve')) && (
        <section aria-labelledby="review-title" className="mb-8 max-w-3xl rounded border-2 border-brand-600 bg-white p-4">
          <h2 id="review-title" className="mt-0">
            {t('models.review.title')}
          </h2>
          {allowed('startReview') && (
            <StepForm intent="startReview" refused={refused}>
              <SubmitButton>{t('models.review.startReview')}</SubmitButton>
            </StepForm>
          )}
          <StepForm intent="approve" comment={t('models.review.approveComment')} refused={refused}>
            <SubmitButton>{t('models.review.approve')}</SubmitButton>
          </StepForm>
          <StepForm intent="return" comment={t('models.review.returnComment')} refused={refused}>
            <SubmitButton>{t('models.review.return')}</SubmitButton>
          </StepForm>
          <StepForm intent="reject" comment={t('models.review.rejectReason')} refused={refused}>
            <DangerButton>{t('models.review.reject')}</DangerButton>
          </StepForm>
        </section>
      )}
      {(write || review) && (
        <section aria-labelledby="thread-title" className="mb-8 max-w-3xl">
          <h2 id="thread-title">{t('models.thread')}</h2>
          {latest.comments.length === 0 ? (
            <p className="mb-4">{t('models.noComments')}</p>
          ) : (
            <ol className="mb-4 space-y-3">
              {latest.comments.map((c, i) => (
                <li key={i} className={`rounded border p-3 ${c.side === 'centre' ? 'border-brand-600 bg-white' : 'border-slate-300 bg-slate-50'}`}>
                  <p className="text-sm font-semibold">
                    {c.side === 'centre' ? t('models.fromCentre') : t('models.fromOrganisation')}, {c.authorName ?? ''}, {formatDateTime(language, new Date(c.at))}
                  </p>
                  <p className="whitespace-pre-line">{c.body}</p>
                </li>
              ))}
            </ol>
          )}
          {allowed('comment') && (
            <StepForm intent="comment" comment={t('models.fields.comment')} refused={refused}>
              <SubmitButton>{t('models.sendComment')}</SubmitButton>
            </StepForm>
          )}
        </section>
      )}
      {versions.length > 1 && (
        <section aria-labelledby="versions-title" className="mb-8 max-w-3xl">
          <h2 id="versions-title">{t('models.versions')}</h2>
          <ul className="list-disc pl-5">
            {versions.map((v) => (
              <li key={v.id}>
                {t('models.version')} {v.version}: {t(`models.statuses.${v.status}`)}
                {v.creditTenths !== null && v.status === 'approved' && `, ${t('models.credits', { credits: formatCredits(language, v.creditTenths) })}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
