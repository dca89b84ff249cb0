import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/results';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { Table } from '../../components/Table';
import { ChoiceGroup, SubmitButton, TextArea, ValidatedForm } from '../../components/forms';
import { correctResultSchema, justificationField, outcomeField, resultsSchema } from '../../forms/results';
import { baseUrl } from '../../http/base-url.server';
import { validateIntentForm } from '../../http/form.server';
import { requirePlan } from '../../http/training.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { helsinkiDate } from '../../../server/calendar/dates';
import { formatIsoDate } from '../../../server/calendar/format';
import { formatCredits } from '../../../server/models/format';
import { approvedVersionOf } from '../../../server/models/versions';
import { type ResultMark, correctResult, correctableUntil, recordResults, resultsOpen, trainingResultsList } from '../../../server/register/results';

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
    people: people.map((p) => ({ ...p, email: p.email !== '', correctable: p.markedAt !== null && correctableUntil(p.markedAt) > now, correctableUntil: p.markedAt ? correctableUntil(p.markedAt).toISOString() : null })),
    record: can(ctx.actor, 'result.record', target),
    correct: can(ctx.actor, 'result.correct', target),
    print: can(ctx.actor, 'certificate.print', target),
    saved: url.searchParams.has('saved') ? { entered: Number(url.searchParams.get('entered') ?? 0), requested: Number(url.searchParams.get('requested') ?? 0) } : null,
    corrected: url.searchParams.has('corrected'),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const formData = await request.formData().catch(() => null);
  const intent = formData?.get('intent');
  const { ctx, organisationId, plan } = await requirePlan(request, context, intent === 'correct' ? 'result.correct' : 'result.record', params);
  if (!formData) return data({ ok: false as const, intent: null, errors: { _form: { key: 'forms.invalidValue' } }, values: {} }, { status: 400 });
  const unmarked = (await trainingResultsList(ctx.db, plan.id)).filter((p) => !p.outcome).map((p) => p.participantId);
  const form = validateIntentForm(formData, { record: resultsSchema(unmarked), correct: correctResultSchema });
  if (!form.ok) return data({ ok: false as const, intent: form.intent, errors: form.errors, values: form.values }, { status: 400 });
  const links = { publicUrl: baseUrl(context) };
  const back = `/organisations/${organisationId}/trainings/${plan.id}/results`;
  if (form.intent === 'record') {
    const values = form.data as Record<string, string>;
    const marks: ResultMark[] = unmarked.flatMap((id) => {
      const outcome = values[outcomeField(id)];
      return outcome === 'passed' || outcome === 'failed' ? [{ participantId: id, outcome, justification: values[justificationField(id)] ?? '' }] : [];
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

/** The admin's correction of one marked result, folded away under its row's name. */
function CorrectionForm({ person, refused }: { person: Person; refused: { errors: Record<string, { key: string }>; values: Record<string, string> } | undefined }) {
  const { t, language } = useI18n();
  const mine = refused && refused.values.participantId === person.participantId ? refused : undefined;
  return (
    <details open={mine !== undefined} className="mb-4 max-w-3xl rounded border border-slate-300 bg-white p-3">
      <summary className="cursor-pointer font-semibold">{t('results.correctFor', { name: person.name })}</summary>
      <p className="my-2 text-sm">{t('results.correctUntil', { date: formatIsoDate(language, helsinkiDate(new Date(person.correctableUntil!))) })}</p>
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
  const labels = Object.fromEntries(unmarked.flatMap((p) => [[outcomeField(p.participantId), t('results.outcomeFor', { name: p.name })], [justificationField(p.participantId), t('results.justificationFor', { name: p.name })]]));
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
                  <ValidatedForm method="post" schema={resultsSchema(unmarked.map((p) => p.participantId))} serverState={refused?.intent !== 'correct' ? refused : undefined} labels={labels}>
                    <input type="hidden" name="intent" value="record" />
                    {unmarked.map((p) => (
                      <fieldset key={p.participantId} className="mb-4 max-w-3xl rounded border-2 border-slate-300 bg-white p-3">
                        <legend className="px-1 text-lg font-semibold">{p.name}</legend>
                        <ChoiceGroup
                          name={outcomeField(p.participantId)}
                          legend={t('results.outcome')}
                          type="radio"
                          options={[
                            { value: 'passed', label: t('results.passed') },
                            { value: 'failed', label: t('results.failed') },
                          ]}
                        />
                        <TextArea name={justificationField(p.participantId)} label={t('results.justification')} rows={2} />
                      </fieldset>
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
                      {refused?.intent === 'correct' && refused.errors._form && <Notice tone="error">{t(refused.errors._form.key as 'results.errors.correctionClosed')}</Notice>}
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
