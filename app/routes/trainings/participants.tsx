import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/participants';
import { Notice } from '../../components/Notice';
import { Table } from '../../components/Table';
import { ImportParticipantsForm } from '../../components/participants/ImportParticipantsForm';
import { ParticipantFields, useParticipantLabels } from '../../components/participants/ParticipantFields';
import { ErrorSummary, SubmitButton, ValidatedForm } from '../../components/forms';
import { type CsvRowError, parseParticipantCsv } from '../../forms/participant-csv.server';
import { addParticipantSchema, importParticipantsSchema, promoteWaitingSchema, removeParticipantSchema, toParticipantDetails } from '../../forms/participants';
import type { FieldErrors } from '../../forms/validation';
import { baseUrl } from '../../http/base-url.server';
import { validateIntentForm } from '../../http/form.server';
import { requirePlan } from '../../http/training.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { helsinkiDate, yearOf } from '../../../server/calendar/dates';
import { isUpcomingOrOngoing } from '../../../server/trainings/kinds';
import { formatDateTime } from '../../i18n';
import { addParticipants, listParticipants, participantsEditable, promoteWaiting, removeParticipant } from '../../../server/trainings/participants';

/** Refused before reading: a participant file is small (500 rows). */
const maxBodyBytes = 2 * 1024 * 1024;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx, organisationId, plan, target } = await requirePlan(request, context, 'participant.read', params);
  const participants = await listParticipants(ctx.db, plan.id);
  const notice = (['added', 'removed', 'promoted'] as const).find((key) => new URL(request.url).searchParams.has(key)) ?? null;
  return {
    organisationId,
    training: { id: plan.id, name: plan.name, status: plan.status, capacity: plan.capacity, isPublic: plan.isPublic },
    participants,
    manage: can(ctx.actor, 'participant.manage', target) && participantsEditable.has(plan.status),
    currentYear: yearOf(helsinkiDate(ctx.clock.now())),
    notice: notice ? { key: notice, count: Number(new URL(request.url).searchParams.get(notice)) || 0 } : null,
  };
}

type Answer = { ok: false; intent: string | null; errors: FieldErrors; values: Record<string, string>; csvErrors: CsvRowError[] };
const refuse = (answer: Omit<Answer, 'ok' | 'csvErrors'> & { csvErrors?: CsvRowError[] }, status = 400) => data({ ok: false as const, csvErrors: [], ...answer }, { status });

export async function action({ request, context, params }: Route.ActionArgs) {
  const { ctx, organisationId, plan } = await requirePlan(request, context, 'participant.manage', params);
  const back = `/organisations/${organisationId}/trainings/${plan.id}/participants`;
  let formData: FormData;
  try {
    if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) throw new Error('too large');
    formData = await request.formData();
  } catch {
    return refuse({ intent: null, errors: { _form: { key: 'participants.errors.fileTooLarge' } }, values: {} });
  }
  const currentYear = yearOf(helsinkiDate(ctx.clock.now()));
  const file = formData.get('file');
  const form = validateIntentForm(formData, { add: addParticipantSchema(currentYear), import: importParticipantsSchema, remove: removeParticipantSchema, promote: promoteWaitingSchema }, ['file']);
  if (!form.ok) return refuse({ intent: form.intent, errors: form.errors, values: form.values });
  const links = { publicUrl: baseUrl(context) };
  if (form.intent === 'add' || form.intent === 'import') {
    let people;
    // The file's line of each person, to say which rows clash with people already on the training.
    let lines: number[] = [];
    if (form.intent === 'add') {
      people = [toParticipantDetails(form.data)];
    } else {
      const text = file instanceof File && file.size > 0 ? await file.text() : form.data.rows;
      if (!text.trim()) return refuse({ intent: 'import', errors: { rows: { key: 'participants.errors.csvEmpty' } }, values: form.values });
      const parsed = parseParticipantCsv(text, currentYear);
      if (!parsed.ok) return refuse({ intent: 'import', errors: { rows: { key: 'participants.errors.csvRows', params: { count: parsed.errors.length } } }, values: form.values, csvErrors: parsed.errors });
      people = parsed.people;
      lines = parsed.lines;
    }
    const result = await addParticipants(ctx, plan.id, people);
    if (!result.ok) {
      if (result.error === 'notFound') throw data(null, { status: 404 });
      if (result.error === 'participants.errors.alreadyOnTraining') {
        if (form.intent === 'add') return refuse({ intent: 'add', errors: { email: { key: result.error } }, values: form.values }, 409);
        const csvErrors = result.rows.map((row): CsvRowError => ({ line: lines[row] ?? row + 1, field: 'email', error: { key: result.error } }));
        return refuse({ intent: 'import', errors: { rows: { key: 'participants.errors.csvRows', params: { count: csvErrors.length } } }, values: form.values, csvErrors }, 409);
      }
      return refuse({ intent: form.intent, errors: { _form: { key: result.error } }, values: form.values }, 409);
    }
    throw redirect(`${back}?added=${result.added}`);
  }
  const result = form.intent === 'remove' ? await removeParticipant(ctx, plan.id, form.data.participantId, links) : await promoteWaiting(ctx, plan.id, links);
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    return refuse({ intent: form.intent, errors: { _form: { key: result.error } }, values: {} }, 409);
  }
  throw redirect(form.intent === 'remove' ? `${back}?removed=1` : `${back}?promoted=${result.promoted}`);
}

export default function ParticipantsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language, number } = useI18n();
  const { training, participants, manage, organisationId } = loaderData;
  const labels = useParticipantLabels();
  const registered = participants.filter((p) => p.status === 'registered');
  const waiting = participants.filter((p) => p.status === 'waiting');
  const cancelled = participants.filter((p) => p.status === 'cancelled');
  const notice = actionData ? null : loaderData.notice;
  const refused = actionData && !actionData.ok ? actionData : undefined;
  const freePlaces = training.capacity === null ? null : Math.max(0, training.capacity - registered.length);
  const removeButton = (p: (typeof participants)[number]) =>
    manage && (
      <Form method="post">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="participantId" value={p.id} />
        <button type="submit" className="underline text-error-700" aria-label={t('participants.removeNamed', { name: p.name })}>
          {t('participants.remove')}
        </button>
      </Form>
    );
  const common = [
    { header: labels.name!, cell: (p: (typeof participants)[number]) => p.name },
    { header: labels.email!, cell: (p: (typeof participants)[number]) => p.email || '–' },
    { header: labels.birthYear!, cell: (p: (typeof participants)[number]) => String(p.birthYear), numeric: true },
    { header: labels.municipality!, cell: (p: (typeof participants)[number]) => p.municipality },
  ];
  return (
    <>
      <title>{`${t('participants.title')}: ${training.name} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}/trainings/${training.id}`}>{t('participants.backToPlan')}</Link>
      </p>
      <h1>{t('participants.titleFor', { name: training.name })}</h1>
      {notice?.key === 'added' && <Notice tone="ok">{t('participants.addedNotice', { count: notice.count })}</Notice>}
      {notice?.key === 'removed' && <Notice tone="ok">{t('participants.removedNotice')}</Notice>}
      {notice?.key === 'promoted' && <Notice tone="ok">{t('participants.promotedNotice', { count: notice.count })}</Notice>}
      {/* The add and import forms show their own errors; the list's buttons have no fields to mark. */}
      {refused && refused.intent !== 'add' && refused.intent !== 'import' && <ErrorSummary errors={refused.errors} labels={{}} />}
      <p className="mb-2">
        {training.capacity === null
          ? t('participants.countNoLimit', { count: number(registered.length) })
          : t('participants.countOfCapacity', { count: number(registered.length), capacity: number(training.capacity) })}
        {waiting.length > 0 && ` ${t('participants.waitingCount', { count: number(waiting.length) })}`}
      </p>
      {training.isPublic && (
        <p className="mb-4">
          <Link to={`/training-calendar/${training.id}`}>{t('participants.publicPage')}</Link>
        </p>
      )}
      {!manage && <p className="mb-4">{t('participants.readOnly')}</p>}
      <h2>{t('participants.registeredTitle')}</h2>
      {registered.length === 0 ? (
        <p className="mb-6">{t('participants.empty')}</p>
      ) : (
        <Table
          caption={t('participants.registeredTitle')}
          rows={registered}
          rowKey={(p) => p.id}
          columns={[
            ...common,
            { header: labels.gender!, cell: (p) => (p.gender ? t(`participants.genders.${p.gender}`) : '–') },
            { header: t('participants.firstTimeShort'), cell: (p) => (p.firstTimeThisYear ? t('participants.yes') : t('participants.no')) },
            { header: t('participants.source'), cell: (p) => t(`participants.sources.${p.source}`) },
            ...(manage ? [{ header: t('participants.actions'), cell: removeButton }] : []),
          ]}
        />
      )}
      <h2 className="mt-6">{t('participants.waitingTitle')}</h2>
      {waiting.length === 0 ? (
        <p className="mb-6">{t('participants.waitingEmpty')}</p>
      ) : (
        <>
          <Table
            caption={t('participants.waitingTitle')}
            rows={waiting}
            rowKey={(p) => p.id}
            columns={[
              { header: t('participants.position'), cell: (p) => String(waiting.indexOf(p) + 1), numeric: true },
              ...common,
              { header: t('participants.registeredAt'), cell: (p) => formatDateTime(language, p.createdAt) },
              ...(manage ? [{ header: t('participants.actions'), cell: removeButton }] : []),
            ]}
          />
          {manage && freePlaces !== 0 && isUpcomingOrOngoing(training.status) && (
            <Form method="post" className="my-4">
              <input type="hidden" name="intent" value="promote" />
              <p className="mb-2 max-w-3xl">{t('participants.promoteHint')}</p>
              <SubmitButton>{t('participants.promote')}</SubmitButton>
            </Form>
          )}
        </>
      )}
      {cancelled.length > 0 && (
        <details className="my-6">
          <summary className="cursor-pointer font-semibold">{t('participants.cancelledTitle', { count: cancelled.length })}</summary>
          <ul className="mt-2 list-disc pl-6">
            {cancelled.map((p) => (
              <li key={p.id}>{`${p.name}${p.email ? ` (${p.email})` : ''}`}</li>
            ))}
          </ul>
        </details>
      )}
      {manage && (
        <>
          <h2 className="mt-8">{t('participants.addTitle')}</h2>
          <p className="mb-4 max-w-3xl">{t('participants.addHint')}</p>
          <ValidatedForm method="post" schema={addParticipantSchema(loaderData.currentYear)} serverState={refused?.intent === 'add' ? refused : undefined} labels={labels} idPrefix="add-">
            <input type="hidden" name="intent" value="add" />
            <ParticipantFields emailRequired={false} />
            <SubmitButton>{t('participants.add')}</SubmitButton>
          </ValidatedForm>
          <h2 className="mt-8">{t('participants.importTitle')}</h2>
          <ImportParticipantsForm serverState={refused?.intent === 'import' ? refused : undefined} />
        </>
      )}
    </>
  );
}
