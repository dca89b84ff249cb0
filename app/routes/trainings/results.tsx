import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/results';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { Table } from '../../components/Table';
import { ChoiceGroup, ErrorSummary, SubmitButton, TextArea, ValidatedForm, useErrorText, useFormState } from '../../components/forms';
import { correctResultSchema, resultsSchema } from '../../forms/results';
import { baseUrl } from '../../http/base-url.server';
import { validateIntentForm } from '../../http/form.server';
import { requirePermission } from '../../http/authorize.server';
import { requirePlan } from '../../http/training.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { helsinkiDate } from '../../../server/calendar/dates';
import { formatIsoDate } from '../../../server/calendar/format';
import { formatCredits } from '../../../server/models/format';
import { approvedVersionOf } from '../../../server/models/versions';
import { type ResultMark, correctResult, isCorrectable, lastCorrectionDay, recordResults, resultsOpen, trainingResultsList } from '../../../server/register/results';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx, organisationId, plan, target } = await requirePlan(request, context, 'participant.read', params);
  const now = ctx.clock.now();
  const [model, people] = await Promise.all([plan.modelVersionId ? approvedVersionOf(ctx.db, organisationId, plan.modelVersionId) : null, plan.modelVersionId ? trainingResultsList(ctx.db, plan.id) : []]);
  const url = new URL(request.url);
  return {
    organisationId,
    training: { id: plan.id, name: plan.name, status: plan.status, endsOn: plan.endsOn },
    model: model ? { name: model.content.name, creditTenths: model.creditTenths ?? 0 } : null,
    open: resultsOpen(plan, helsinkiDate(now)),
    people: people.map((p) => ({ ...p, email: p.email !== '', correctable: p.markedAt !== null && isCorrectable(p.markedAt, now), correctableUntil: p.markedAt ? lastCorrectionDay(p.markedAt) : null })),
    record: can(ctx.actor, 'result.record', target),
    correct: can(ctx.actor, 'result.correct', target),
    print: can(ctx.actor, 'certificate.print', target),
    saved: url.searchParams.has('saved') ? { entered: Number(url.searchParams.get('entered') ?? 0), requested: Number(url.searchParams.get('requested') ?? 0) } : null,
    corrected: url.searchParams.has('corrected'),
  };
}

/** Refused before reading: a row per participant of a large training is far below this. */
const maxBodyBytes = 256 * 1024;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { ctx, organisationId, plan, target } = await requirePlan(request, context, 'participant.read', params);
  const length = request.headers.get('content-length');
  const formData = length !== null && Number(length) <= maxBodyBytes ? await request.formData().catch(() => null) : null;
  if (!formData) return data({ ok: false as const, intent: null, errors: { _form: { key: 'forms.invalidValue' } }, values: {} }, { status: 400 });
  const form = validateIntentForm(formData, { record: resultsSchema, correct: correctResultSchema });
  if (!form.ok) return data({ ok: false as const, intent: form.intent, errors: form.errors, values: form.values }, { status: 400 });
  // Marking is for who plans the training; correcting, for the organisation's admins.
  await requirePermission(request, context, form.intent === 'correct' ? 'result.correct' : 'result.record', target);
  const links = { publicUrl: baseUrl(context) };
  const back = `/organisations/${organisationId}/trainings/${plan.id}/results`;
  if (form.intent === 'record') {
    const { participantId, outcome, justification } = form.data;
    const marks: ResultMark[] = participantId.flatMap((id, i) => {
      const result = outcome[i];
      return result === 'passed' || result === 'failed' ? [{ participantId: id, outcome: result, justification: justification[i] ?? '' }] : [];
    });
    const result = await recordResults(ctx, plan.id, marks, links);
    if (!result.ok) {
      if (result.error === 'notFound') throw data(null, { status: 404 });
      return data({ ok: false as const, intent: form.intent, errors: { _form: { key: result.error } }, values: form.values }, { status: 409 });
    }
    throw redirect(`${back}?saved=1&entered=${result.entered}&requested=${result.consentRequested}`);
  }
  const result = await correctResult(ctx, plan.id, form.data, links);
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    return data({ ok: false as const, intent: form.intent, errors: { _form: { key: result.error } }, values: form.values }, { status: 409 });
  }
  throw redirect(`${back}?corrected=1`);
}

type Person = Route.ComponentProps['loaderData']['people'][number];

/** Where a participant stands with the register: entered, waiting for consent, or not to be entered. */
function RegisterState({ person }: { person: Person }) {
  const { t, language } = useI18n();
  if (person.entryId) return <>{t('results.inRegister')}</>;
  if (person.outcome !== 'passed') return <>{t('results.notForRegister')}</>;
  if (!person.email) return <>{t('results.noEmail')}</>;
  if (person.consentRequestedAt) return <>{t('results.consentRequested', { date: formatIsoDate(language, helsinkiDate(new Date(person.consentRequestedAt))) })}</>;
  return <>{t('results.consentMissing')}</>;
}

/**
 * One participant's row of the results form: the columns repeat in the rows' order (a select and a
 * text input always send a value, so the rows line up without JavaScript), errors beside the field.
 */
function ResultRow({ person, index }: { person: Person; index: number }) {
  const { t } = useI18n();
  const { values, errors } = useFormState();
  const errorText = useErrorText();
  const kept = (column: string) => values[column]?.split('\n')[index];
  const field = (column: string) => {
    const error = errors[`${column}.${index}`];
    const id = `field-${column}.${index}`;
    return { id, error, common: { id, name: column, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined } as const, frame: `mt-1 block rounded border-2 px-2 py-1 ${error ? 'border-error-700' : 'border-slate-600'}` };
  };
  const outcome = field('outcome');
  const justification = field('justification');
  return (
    <fieldset className="mb-4 flex max-w-3xl flex-wrap items-start gap-4 rounded border-2 border-slate-300 bg-white p-3">
      <legend className="px-1 text-lg font-semibold">{person.name}</legend>
      <input type="hidden" name="participantId" value={person.participantId} />
      <div>
        <label htmlFor={outcome.id} className="block font-semibold">
          {t('results.outcome')}
        </label>
        <select {...outcome.common} defaultValue={kept('outcome') ?? ''} className={`${outcome.frame} min-h-11 bg-white`}>
          <option value="">{t('results.notMarked')}</option>
          <option value="passed">{t('results.passed')}</option>
          <option value="failed">{t('results.failed')}</option>
        </select>
      </div>
      <div className="min-w-64 flex-1">
        <label htmlFor={justification.id} className="block font-semibold">
          {t('results.justification')}
        </label>
        <input {...justification.common} type="text" defaultValue={kept('justification') ?? ''} className={`${justification.frame} min-h-11 w-full`} />
        {justification.error && (
          <p id={`${justification.id}-error`} className="text-sm font-semibold text-error-700">
            {errorText(justification.error)}
          </p>
        )}
      </div>
    </fieldset>
  );
}

/** The admin's correction of one marked result, folded away under its row's name. */
function CorrectionForm({ person, refused }: { person: Person; refused: { errors: Record<string, { key: string }>; values: Record<string, string> } | undefined }) {
  const { t, language } = useI18n();
  const mine = refused && refused.values.participantId === person.participantId ? refused : undefined;
  return (
    <details open={mine !== undefined} className="mb-4 max-w-3xl rounded border border-slate-300 bg-white p-3">
      <summary className="cursor-pointer font-semibold">{t('results.correctFor', { name: person.name })}</summary>
      <p className="my-2 text-sm">{t('results.correctUntil', { date: formatIsoDate(language, person.correctableUntil!) })}</p>
      <ValidatedForm
        method="post"
        schema={correctResultSchema}
        serverState={mine}
        idPrefix={`correct-${person.participantId}-`}
        labels={{ outcome: t('results.outcome'), justification: t('results.justification'), reason: t('results.reason') }}
      >
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" name="participantId" value={person.participantId} />
        <ChoiceGroup name="outcome" legend={t('results.outcome')} type="radio" options={[{ value: 'passed', label: t('results.passed') }, { value: 'failed', label: t('results.failed') }]} defaultValues={person.outcome ? [person.outcome] : []} />
        <TextArea name="justification" label={t('results.justification')} rows={2} defaultValue={person.justification ?? ''} />
        <TextArea name="reason" label={t('results.reason')} rows={2} />
        <SubmitButton>{t('results.saveCorrection')}</SubmitButton>
      </ValidatedForm>
    </details>
  );
}

export default function ResultsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language, number } = useI18n();
  const { training, model, people, organisationId, open } = loaderData;
  const refused = actionData && !actionData.ok ? actionData : undefined;
  const unmarked = people.filter((p) => !p.outcome);
  const marked = people.filter((p) => p.outcome);
  const entries = people.filter((p) => p.entryId).length;
  const outcomeText = (outcome: string | null) => (outcome === 'passed' ? t('results.passed') : outcome === 'failed' ? t('results.failed') : t('results.notMarked'));
  const labels = {
    participantId: t('results.participant'),
    outcome: t('results.outcome'),
    justification: t('results.justification'),
    ...Object.fromEntries(unmarked.flatMap((p, i) => [[`outcome.${i}`, t('results.outcomeFor', { name: p.name })], [`justification.${i}`, t('results.justificationFor', { name: p.name })]])),
  };
  return (
    <>
      <title>{`${t('results.title')}: ${training.name} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}/trainings/${training.id}`}>{t('results.backToPlan')}</Link>
      </p>
      <h1>{t('results.titleFor', { name: training.name })}</h1>
      <HelpLink area="certificates" />
      {loaderData.saved && !actionData && <Notice tone="ok">{t('results.saved', { entered: number(loaderData.saved.entered), requested: number(loaderData.saved.requested) })}</Notice>}
      {loaderData.corrected && !actionData && <Notice tone="ok">{t('results.correctedNotice')}</Notice>}
      {refused && refused.intent === null && <ErrorSummary errors={refused.errors} labels={{}} />}
      {!model ? (
        <p className="max-w-3xl">{t('results.notModelBased')}</p>
      ) : (
        <>
          <p className="mb-4">{t('results.model', { model: model.name, credits: formatCredits(language, model.creditTenths) })}</p>
          {training.status === 'cancelled' ? (
            <p>{t('results.cancelled')}</p>
          ) : !open ? (
            <p className="max-w-3xl">{t('results.notOpen', { date: training.endsOn ? formatIsoDate(language, training.endsOn) : '–' })}</p>
          ) : people.length === 0 ? (
            <p>{t('results.noParticipants')}</p>
          ) : (
            <>
              {unmarked.length > 0 && loaderData.record && (
                <section aria-labelledby="to-mark" className="mb-8">
                  <h2 id="to-mark">{t('results.toMark')}</h2>
                  <p className="mb-4 max-w-3xl">{t('results.intro')}</p>
                  <ValidatedForm method="post" schema={resultsSchema} serverState={refused?.intent === 'record' ? refused : undefined} labels={labels}>
                    <input type="hidden" name="intent" value="record" />
                    {unmarked.map((p, i) => (
                      <ResultRow key={p.participantId} person={p} index={i} />
                    ))}
                    <SubmitButton>{t('results.save')}</SubmitButton>
                  </ValidatedForm>
                </section>
              )}
              {marked.length > 0 && (
                <section aria-labelledby="marked" className="mb-8">
                  <h2 id="marked">{t('results.marked')}</h2>
                  <Table
                    caption={t('results.marked')}
                    rowKey={(p) => p.participantId}
                    rows={marked}
                    columns={[
                      { header: t('results.participant'), cell: (p) => p.name },
                      { header: t('results.outcome'), cell: (p) => outcomeText(p.outcome) },
                      { header: t('results.justification'), cell: (p) => p.justification || '–' },
                      {
                        header: t('results.markedBy'),
                        cell: (p) => (
                          <>
                            {t('results.markedOn', { name: p.markedByName ?? '–', date: formatIsoDate(language, helsinkiDate(new Date(p.markedAt!))) })}
                            {p.correctedAt && `, ${t('results.corrected', { date: formatIsoDate(language, helsinkiDate(new Date(p.correctedAt))) })}`}
                          </>
                        ),
                      },
                      { header: t('results.register'), cell: (p) => <RegisterState person={p} /> },
                    ]}
                  />
                  {loaderData.correct && (
                    <div className="mt-4">
                      {refused?.intent === 'correct' && !marked.some((p) => p.correctable && p.participantId === refused.values.participantId) && (
                        // A correction of no result on this page (a stale or altered form): its errors above the list.
                        <ErrorSummary errors={refused.errors} labels={{ participantId: t('results.participant'), outcome: t('results.outcome'), justification: t('results.justification'), reason: t('results.reason') }} />
                      )}
                      {marked.filter((p) => p.correctable).map((p) => (
                        <CorrectionForm key={p.participantId} person={p} refused={refused?.intent === 'correct' ? refused : undefined} />
                      ))}
                    </div>
                  )}
                </section>
              )}
              {loaderData.print && (
                <section aria-labelledby="certificates">
                  <h2 id="certificates">{t('results.certificates')}</h2>
                  {entries > 0 ? (
                    <>
                      <p className="mb-2 max-w-3xl">{t('results.certificatesIntro')}</p>
                      <p>
                        <a href={`/organisations/${organisationId}/trainings/${training.id}/certificates`} className="font-semibold">
                          {t('results.printAll', { count: number(entries) })}
                        </a>
                      </p>
                    </>
                  ) : (
                    <p className="max-w-3xl">{t('results.noCertificates')}</p>
                  )}
                </section>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}
