import { Link, data } from 'react-router';
import type { Route } from './+types/requests';
import { HelpLink } from '../../components/HelpLink';
import { Hours } from '../../components/Hours';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { YearNavigation } from '../../components/YearNavigation';
import { SubmitButton, TextArea, TextField, ValidatedForm } from '../../components/forms';
import { applySchema, decideRequestSchema, returnHoursSchema } from '../../forms/proposals';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { fieldRefusal, readIntentForm } from '../../http/form.server';
import { requestLanguage } from '../../http/language.server';
import { yearParam } from '../../http/year.server';
import { translateDynamic } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import type { Action } from '../../../server/access/actions';
import { formatEventDates } from '../../../server/calendar/format';
import { windowStatus } from '../../../server/calendar/windows';
import { formatHours, formatHoursInput } from '../../../server/hours/format';
import { organisationHours } from '../../../server/hours/monitoring';
import { applyForHours, decideRequest, requestHistory, returnUnusedHours } from '../../../server/hours/requests';
import { getOrganisation } from '../../../server/organisations/get-organisation';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'hours.readRequests', { organisationId });
  const year = yearParam(request, ctx.clock);
  const [organisation, history, window, hours] = await Promise.all([
    getOrganisation(ctx, organisationId),
    requestHistory(ctx, organisationId, year),
    windowStatus(ctx, 'additionalHours'),
    organisationHours(ctx, organisationId, year),
  ]);
  if (!organisation) throw data(null, { status: 404 });
  return {
    year,
    organisation: { id: organisation.id, name: organisation.name },
    history,
    window: { open: window.open && window.year === year, periods: window.year === year ? window.periods : [] },
    unallocated: hours.unallocated,
    canRequest: can(ctx.actor, 'hours.request', { organisationId }),
    canDecide: can(ctx.actor, 'hours.decideRequest'),
  };
}

const intentActions: Record<string, Action> = { apply: 'hours.request', return: 'hours.request', decide: 'hours.decideRequest' };

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'hours.readRequests', { organisationId });
  const form = await readIntentForm(request, { apply: applySchema, return: returnHoursSchema, decide: decideRequestSchema });
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values, intent: form.intent }, { status: 400 });
  await requirePermission(request, context, intentActions[form.intent]!, { organisationId });
  const language = await requestLanguage(request, ctx.actor.language);
  const links = { publicUrl: baseUrl(context) };
  const result =
    form.intent === 'apply'
      ? await applyForHours(ctx, organisationId, { hundredths: form.data.hours, justification: form.data.justification }, links)
      : form.intent === 'return'
        ? await returnUnusedHours(ctx, organisationId, { hundredths: form.data.hours, justification: form.data.justification })
        : await decideRequest(ctx, organisationId, form.data.requestId, { grantedHundredths: form.data.hours, reason: form.data.reason }, links);
  if (!result.ok && result.error === 'notFound') throw data(null, { status: 404 });
  if (!result.ok) {
    const params = 'availableHundredths' in result ? { hours: formatHours(language, result.availableHundredths) } : undefined;
    const field = result.error === 'requests.errors.windowClosed' || result.error === 'requests.errors.alreadyDecided' ? '_form' : 'hours';
    return fieldRefusal(field, { key: result.error, ...(params ? { params } : {}) }, form.values, field === '_form' ? 409 : 400, { intent: form.intent });
  }
  return { ok: true as const, intent: form.intent };
}

export default function HourRequests({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language, dateTime } = useI18n();
  const { year, organisation, history, window, unallocated, canRequest, canDecide } = loaderData;
  const formError = actionData && !actionData.ok ? actionData.errors._form : undefined;
  // A decision's errors show on its own application's form; one naming no pending application, on the first.
  const pendingIds = history.filter(({ request }) => request.status === 'pending').map(({ request }) => request.id);
  const answeredId = actionData && !actionData.ok ? actionData.values.requestId : undefined;
  const errorsOf = (requestId: string) => requestId === answeredId || (requestId === pendingIds[0] && !pendingIds.includes(answeredId ?? ''));
  const stateFor = (intent: string, requestId?: string) =>
    actionData && !actionData.ok && actionData.intent === intent && !formError && (requestId === undefined || errorsOf(requestId)) ? actionData : undefined;
  const dates = window.periods.map((p) => formatEventDates(language, { window: 'additionalHours', ...p })).join(', ');
  return (
    <>
      <title>{`${t('requests.title', { year, organisation: organisation.name })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}/hours?year=${year}`}>{t('hours.backToHours')}</Link>
      </p>
      <h1>{t('requests.title', { year, organisation: organisation.name })}</h1>
      <HelpLink area="hours" />
      <YearNavigation year={year} />
      {actionData?.ok && <Notice tone="ok">{t(`requests.done.${actionData.intent}`)}</Notice>}
      {formError && <Notice tone="error">{translateDynamic(language, formError.key, formError.params)}</Notice>}
      <p className="mb-4 max-w-3xl">{window.open ? t('requests.windowOpen', { dates }) : t('requests.windowClosed', { dates: dates || '–' })}</p>
      {canRequest && window.open && (
        <div className="mb-6 grid max-w-5xl gap-4 md:grid-cols-2">
          <section aria-labelledby="apply-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="apply-title" className="mt-0">
              {t('requests.applyTitle')}
            </h2>
            <ValidatedForm key={history.length} method="post" schema={applySchema} serverState={stateFor('apply')} labels={{ hours: t('hours.hoursField'), justification: t('proposals.justification') }} idPrefix="apply-">
              <input type="hidden" name="intent" value="apply" />
              <TextField name="hours" label={t('hours.hoursField')} hint={t('hours.hoursHint')} />
              <TextArea name="justification" label={t('proposals.justification')} rows={3} />
              <SubmitButton>{t('requests.apply')}</SubmitButton>
            </ValidatedForm>
          </section>
          <section aria-labelledby="return-title" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="return-title" className="mt-0">
              {t('requests.returnTitle')}
            </h2>
            <p className="mb-3">
              {t('requests.returnable')}: <Hours hundredths={unallocated} />
            </p>
            <ValidatedForm key={history.length} method="post" schema={returnHoursSchema} serverState={stateFor('return')} labels={{ hours: t('hours.hoursField'), justification: t('hours.reason') }} idPrefix="return-">
              <input type="hidden" name="intent" value="return" />
              <TextField name="hours" label={t('hours.hoursField')} hint={t('hours.hoursHint')} />
              <TextArea name="justification" label={t('hours.reason')} rows={2} />
              <SubmitButton>{t('requests.return')}</SubmitButton>
            </ValidatedForm>
          </section>
        </div>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('requests.historyTitle')}</h2>
        {history.length === 0 ? (
          <p>{t('requests.none')}</p>
        ) : (
          <ul className="max-w-3xl space-y-3">
            {history.map(({ request, decidedByName }) => (
              <li key={request.id} className="rounded border border-slate-300 bg-white p-3">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{t(`requests.kinds.${request.kind}`)}</span>
                  <Hours hundredths={request.requestedHundredths} />
                  <StatusTag tone={request.status === 'pending' ? 'warn' : 'ok'}>{t(`requests.statuses.${request.status}`)}</StatusTag>
                  <span className="text-sm text-slate-700">{dateTime(request.createdAt)}</span>
                </p>
                {request.justification && <p className="mt-1 whitespace-pre-line">{request.justification}</p>}
                {request.status === 'decided' && (
                  <p className="mt-1">
                    {t('requests.granted')}: <Hours hundredths={request.grantedHundredths ?? 0} />
                    {request.decisionReason && ` – ${request.decisionReason}`} {decidedByName && `(${decidedByName})`}
                  </p>
                )}
                {canDecide && request.status === 'pending' && (
                  <ValidatedForm
                    method="post"
                    schema={decideRequestSchema}
                    serverState={stateFor('decide', request.id)}
                    labels={{ hours: t('requests.grantHours'), reason: t('requests.decisionReason') }}
                    className="mt-3 border-t border-slate-300 pt-3"
                    idPrefix={`decide-${request.id}-`}
                  >
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="requestId" value={request.id} />
                    <TextField name="hours" label={t('requests.grantHours')} hint={t('requests.grantHint')} defaultValue={formatHoursInput(language, request.requestedHundredths)} />
                    <TextArea name="reason" label={t('requests.decisionReason')} rows={2} />
                    <SubmitButton>{t('requests.decide')}</SubmitButton>
                  </ValidatedForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
