import { Form, Link, data } from 'react-router';
import type { Route } from './+types/decision';
import { Hours } from '../../components/Hours';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { SubmitButton, TextArea, TextField, ValidatedForm } from '../../components/forms';
import { decisionSchema, peerQuotaSchema, publishSchema } from '../../forms/hours';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { fieldRefusal, readIntentForm } from '../../http/form.server';
import { requestLanguage } from '../../http/language.server';
import { windowClosedFormError } from '../../http/window.server';
import { requireYear } from '../../http/year.server';
import { translateDynamic } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { windowStatus } from '../../../server/calendar/windows';
import { proposalTotals } from '../../../server/hours/proposals';
import { getDecision, organisationTotals, publishDecisions, saveDecisionDraft, setOrganisationPeerQuota } from '../../../server/hours/decisions';
import { formatHours, formatHoursInput } from '../../../server/hours/format';
import { getOrganisation } from '../../../server/organisations/get-organisation';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'hours.decide');
  const year = requireYear(params.year);
  const organisation = await getOrganisation(ctx, requireUuid(params.organisationId));
  if (!organisation) throw data(null, { status: 404 });
  const [decision, lastYear, thisYear, window, proposals] = await Promise.all([
    getDecision(ctx.db, year, organisation.id),
    organisationTotals(ctx.db, year - 1, [organisation.id]),
    organisationTotals(ctx.db, year, [organisation.id]),
    windowStatus(ctx, 'grantDecisions'),
    proposalTotals(ctx.db, year, [organisation.id]),
  ]);
  return {
    year,
    organisation: { id: organisation.id, name: organisation.name, ended: organisation.endedAt !== null },
    decision,
    lastYear: lastYear.get(organisation.id) ?? { granted: 0, used: 0, peerQuota: 0 },
    peerQuota: thisYear.get(organisation.id)?.peerQuota ?? 0,
    proposal: proposals.get(organisation.id) ?? null,
    canPublish: window.open && window.year + 1 === year,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'hours.decide');
  const year = requireYear(params.year);
  const organisationId = requireUuid(params.organisationId);
  const language = await requestLanguage(request, ctx.actor.language);
  const form = await readIntentForm(request, { save: decisionSchema, publish: publishSchema, quota: peerQuotaSchema });
  // Which form answered, so that its errors show next to its own fields.
  const answered = { intent: form.intent };
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values, intent: form.intent }, { status: 400 });
  if (form.intent === 'save') {
    const result = await saveDecisionDraft(ctx, { year, organisationId, grantedHundredths: form.data.hours, decisionText: form.data.decisionText });
    if (!result.ok && result.error === 'notFound') throw data(null, { status: 404 });
    if (!result.ok) return fieldRefusal('_form', { key: result.error }, {}, 409, answered);
    return { ok: true as const, intent: form.intent };
  }
  if (form.intent === 'quota') {
    const result = await setOrganisationPeerQuota(ctx, { year, organisationId, hundredths: form.data.hours, reason: form.data.reason });
    if (!result.ok && result.error === 'notFound') throw data(null, { status: 404 });
    if (!result.ok) {
      return fieldRefusal('hours', { key: 'hours.errors.quotaTooLarge', params: { hours: formatHours(language, result.availableHundredths) } }, form.values, 400, answered);
    }
    return { ok: true as const, intent: form.intent };
  }
  const closed = await windowClosedFormError(ctx, language, 'grantDecisions', {}, answered);
  if (closed) return closed;
  const result = await publishDecisions(ctx, year, organisationId, { publicUrl: baseUrl(context) });
  if (!result.ok) {
    const params: Record<string, string> = 'organisationName' in result ? { organisation: result.organisationName, hours: formatHours(language, result.availableHundredths) } : {};
    return fieldRefusal('_form', { key: result.error, params }, {}, 409, answered);
  }
  return { ok: true as const, intent: form.intent };
}

export default function DecisionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { year, organisation, decision, lastYear, peerQuota } = loaderData;
  const published = decision?.status === 'published';
  const formError = actionData && !actionData.ok ? actionData.errors._form : undefined;
  const serverState = (intent: string) => (actionData && !actionData.ok && actionData.intent === intent && !formError ? actionData : undefined);
  const decisionLabels = { hours: t('hours.grantedHours'), decisionText: t('hours.decisionText') };
  const quotaLabels = { hours: t('hours.peerQuotaHours'), reason: t('hours.reason') };
  return (
    <>
      <title>{`${t('hours.decisionTitle', { year, organisation: organisation.name })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/hours?year=${year}`}>{t('hours.backToDecisions', { year })}</Link>
      </p>
      <h1>{t('hours.decisionTitle', { year, organisation: organisation.name })}</h1>
      {actionData?.ok && <Notice tone="ok">{t(`hours.saved.${actionData.intent}`)}</Notice>}
      {formError && <Notice tone="error">{translateDynamic(language, formError.key, formError.params)}</Notice>}
      <dl className="mb-6 grid max-w-xl grid-cols-2 gap-x-4 gap-y-1">
        <dt className="font-semibold">{t('hours.lastYearGranted', { year: year - 1 })}</dt>
        <dd><Hours hundredths={lastYear.granted} /></dd>
        <dt className="font-semibold">{t('hours.lastYearUsed', { year: year - 1 })}</dt>
        <dd><Hours hundredths={lastYear.used} /></dd>
        <dt className="font-semibold">{t('hours.proposal')}</dt>
        <dd>
          {loaderData.proposal ? (
            <Link to={`/organisations/${organisation.id}/hours/proposals/${year}`}>
              <Hours hundredths={loaderData.proposal.hundredths} /> ({t(`proposals.statuses.${loaderData.proposal.status}`)})
            </Link>
          ) : (
            t('hours.noProposal')
          )}
        </dd>
        <dt className="font-semibold">{t('hours.status')}</dt>
        <dd>
          <StatusTag tone={published ? 'ok' : decision ? 'warn' : 'neutral'}>{t(`hours.statuses.${decision?.status ?? 'none'}`)}</StatusTag>
        </dd>
      </dl>

      <section aria-labelledby="decision-title" className="mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4">
        <h2 id="decision-title" className="mt-0">
          {t('hours.decision')}
        </h2>
        {published ? (
          <>
            <p className="mb-2 text-lg font-semibold">
              <Hours hundredths={decision.grantedHundredths} />
            </p>
            {decision.decisionText && <p className="mb-2 whitespace-pre-line">{decision.decisionText}</p>}
          </>
        ) : (
          <ValidatedForm method="post" schema={decisionSchema} serverState={serverState('save')} labels={decisionLabels}>
            <input type="hidden" name="intent" value="save" />
            <TextField name="hours" label={decisionLabels.hours} hint={t('hours.hoursHint')} defaultValue={decision ? formatHoursInput(language, decision.grantedHundredths) : ''} />
            <TextArea name="decisionText" label={decisionLabels.decisionText} defaultValue={decision?.decisionText ?? ''} rows={5} />
            <SubmitButton>{t('hours.saveDraft')}</SubmitButton>
          </ValidatedForm>
        )}
        {decision && (
          <p className="mt-3">
            <a href={`/hours/decisions/${decision.id}/pdf`}>{published ? t('hours.printDecision') : t('hours.previewDecision')}</a>
          </p>
        )}
        {decision && !published && loaderData.canPublish && (
          <Form method="post" className="mt-4 border-t border-slate-300 pt-4">
            <input type="hidden" name="intent" value="publish" />
            <SubmitButton>{t('hours.publish')}</SubmitButton>
          </Form>
        )}
        {decision && !published && !loaderData.canPublish && <p className="mt-3 text-slate-700">{t('hours.windowClosedInfo', { year })}</p>}
      </section>

      <section aria-labelledby="quota-title" className="max-w-3xl rounded border border-slate-300 bg-white p-4">
        <h2 id="quota-title" className="mt-0">
          {t('hours.peerQuotaTitle')}
        </h2>
        <p className="mb-3">{t('hours.peerQuotaIntro')}</p>
        <ValidatedForm method="post" schema={peerQuotaSchema} serverState={serverState('quota')} labels={quotaLabels} idPrefix="quota-">
          <input type="hidden" name="intent" value="quota" />
          <TextField name="hours" label={quotaLabels.hours} hint={t('hours.hoursHint')} defaultValue={formatHoursInput(language, peerQuota)} />
          <TextField name="reason" label={quotaLabels.reason} required={false} />
          <SubmitButton>{t('hours.saveQuota')}</SubmitButton>
        </ValidatedForm>
      </section>
    </>
  );
}
