import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/attendance';
import { Notice } from '../../components/Notice';
import { ErrorSummary, FormState, SubmitButton, TextField } from '../../components/forms';
import { attendanceCountsSchema, attendanceListSchema, attendanceModeSchema, sessionField, sessionParam, toSessionKey } from '../../forms/attendance';
import { readIntentForm } from '../../http/form.server';
import { requirePlan } from '../../http/training.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { helsinkiDate } from '../../../server/calendar/dates';
import { formatIsoDate } from '../../../server/calendar/format';
import { attendanceOpen, attendanceSheet, attendanceSummary, recordAttendance, recordAttendanceCounts, setAttendanceMode } from '../../../server/trainings/attendance';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx, organisationId, plan, target } = await requirePlan(request, context, 'participant.read', params);
  const today = helsinkiDate(ctx.clock.now());
  const chosen = sessionField.safeParse(new URL(request.url).searchParams.get('session'));
  const session = chosen.success ? plan.sessions.find((s) => sessionParam(s) === chosen.data) ?? null : null;
  const [summary, sheet] = await Promise.all([attendanceSummary(ctx, plan.id), session ? attendanceSheet(ctx.db, plan.id, session) : null]);
  return {
    organisationId,
    training: { id: plan.id, name: plan.name, status: plan.status, mode: plan.attendanceMode },
    sessions: plan.sessions.map((s) => ({ key: sessionParam(s), date: s.date, start: s.start, end: s.end, held: s.date <= today })),
    summary: summary!,
    session: session ? { key: sessionParam(session), date: session.date, start: session.start, end: session.end, held: session.date <= today, open: attendanceOpen(plan.status, session, today) } : null,
    sheet,
    record: can(ctx.actor, 'attendance.record', target),
    saved: new URL(request.url).searchParams.has('saved'),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { ctx, organisationId, plan } = await requirePlan(request, context, 'attendance.record', params);
  const form = await readIntentForm(request, { list: attendanceListSchema, counts: attendanceCountsSchema, mode: attendanceModeSchema });
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const back = `/organisations/${organisationId}/trainings/${plan.id}/attendance`;
  let result;
  if (form.intent === 'mode') result = await setAttendanceMode(ctx, plan.id, form.data.mode);
  else if (form.intent === 'list') result = await recordAttendance(ctx, plan.id, toSessionKey(form.data.session), form.data.present);
  else result = await recordAttendanceCounts(ctx, plan.id, toSessionKey(form.data.session), { adults: Number(form.data.adults), minors: Number(form.data.minors) });
  if (!result.ok) {
    if (result.error === 'notFound') throw data(null, { status: 404 });
    return data({ ok: false as const, errors: { _form: { key: result.error } }, values: form.values }, { status: 409 });
  }
  throw redirect(form.intent === 'mode' ? back : `${back}?session=${encodeURIComponent(form.data.session)}&saved=1`);
}

/** A lecture's session as counts per age group. */
function CountsForm({ sessionKey, counts, minimumAge, record }: { sessionKey: string; counts: { adults: number; minors: number } | null; minimumAge: number; record: boolean }) {
  const { t } = useI18n();
  return (
    <Form method="post" className="max-w-xl">
      <input type="hidden" name="intent" value="counts" />
      <input type="hidden" name="session" value={sessionKey} />
      <TextField name="adults" label={t('attendance.adults', { age: minimumAge })} defaultValue={counts ? String(counts.adults) : ''} inputMode="numeric" />
      <TextField name="minors" label={t('attendance.minors', { age: minimumAge })} defaultValue={counts ? String(counts.minors) : ''} inputMode="numeric" />
      {record && <SubmitButton>{t('attendance.save')}</SubmitButton>}
    </Form>
  );
}

export default function AttendancePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language, number } = useI18n();
  const { training, sessions, session, sheet, summary, organisationId, record } = loaderData;
  const refused = actionData && !actionData.ok ? actionData : undefined;
  const base = `/organisations/${organisationId}/trainings/${training.id}/attendance`;
  const when = (s: { date: string; start: string; end: string }) => `${formatIsoDate(language, s.date)} ${s.start}–${s.end}`;
  const recorded = (key: string) => summary.sessions.find((s) => `${s.date}T${s.start}` === key);
  return (
    <>
      <title>{`${t('attendance.title')}: ${training.name} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}/trainings/${training.id}`}>{t('participants.backToPlan')}</Link>
      </p>
      <h1>{t('attendance.titleFor', { name: training.name })}</h1>
      {loaderData.saved && !actionData && <Notice tone="ok">{t('attendance.saved')}</Notice>}
      <FormState errors={refused?.errors ?? {}} values={refused?.values ?? {}}>
        <ErrorSummary errors={refused?.errors ?? {}} labels={{ adults: t('attendance.adults', { age: summary.minimumAge }), minors: t('attendance.minors', { age: summary.minimumAge }), present: t('attendance.present') }} />
        {session && sheet ? (
          <section aria-labelledby="session-title">
            <h2 id="session-title">{when(session)}</h2>
            <p className="mb-4">
              <Link to={base}>{t('attendance.allSessions')}</Link>
            </p>
            {session.held && !session.open && <Notice tone="warn">{t('attendance.closed')}</Notice>}
            {!session.held ? (
              <p>{t('attendance.notYet')}</p>
            ) : training.mode === 'list' ? (
              sheet.people.length === 0 ? (
                <p>{t('attendance.noParticipants')}</p>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="list" />
                  <input type="hidden" name="session" value={session.key} />
                  <fieldset className="mb-4">
                    <legend className="mb-2 font-semibold">{t('attendance.tickPresent')}</legend>
                    <ul className="grid max-w-xl gap-2">
                      {sheet.people.map((p) => (
                        <li key={p.id}>
                          <label className="flex min-h-14 cursor-pointer items-center gap-4 rounded border-2 border-slate-400 bg-white px-4 py-3 text-lg has-[:checked]:border-ok-700 has-[:checked]:bg-green-50">
                            <input type="checkbox" name="present" value={p.id} defaultChecked={p.present} disabled={!record || !session.open} className="h-8 w-8 shrink-0" />
                            <span>{p.name}</span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </fieldset>
                  {record && session.open && (
                    <button type="submit" className="w-full max-w-xl rounded bg-brand-600 px-4 py-4 text-lg font-semibold text-white hover:bg-brand-700">
                      {t('attendance.save')}
                    </button>
                  )}
                </Form>
              )
            ) : (
              <CountsForm sessionKey={session.key} counts={sheet.counts} minimumAge={summary.minimumAge} record={record && session.open} />
            )}
          </section>
        ) : refused?.values.intent === 'counts' && refused.values.session ? (
          // A refused count posted from a page without the session in its address: the fields with their errors.
          <CountsForm sessionKey={refused.values.session} counts={null} minimumAge={summary.minimumAge} record={record} />
        ) : (
          <>
            <p className="mb-4 max-w-3xl">{training.mode === 'list' ? t('attendance.introList') : t('attendance.introCounts', { age: summary.minimumAge })}</p>
            {sessions.length === 0 ? (
              <p>{t('attendance.noSessions')}</p>
            ) : (
              <ul className="mb-6 grid max-w-xl gap-2">
                {sessions.map((s) => {
                  const done = recorded(s.key);
                  return (
                    <li key={s.key}>
                      {s.held ? (
                        <Link to={`${base}?session=${encodeURIComponent(s.key)}`} className="flex min-h-14 items-center justify-between gap-4 rounded border-2 border-slate-400 bg-white px-4 py-3 text-lg">
                          <span>{when(s)}</span>
                          <span className="text-base">{done ? t('attendance.recorded', { count: number('present' in done ? done.present : done.adults + done.minors) }) : t('attendance.notRecorded')}</span>
                        </Link>
                      ) : (
                        <span className="flex min-h-14 items-center justify-between gap-4 rounded border-2 border-slate-200 px-4 py-3 text-lg text-slate-700">
                          <span>{when(s)}</span>
                          <span className="text-base">{t('attendance.upcoming')}</span>
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            <p className="mb-6" role="status">
              {t('attendance.attendedAdults', { count: number(summary.attendedAdults), age: summary.minimumAge, all: number(summary.attended) })}
            </p>
            {record && (
              <Form method="post" className="max-w-xl border-t border-slate-300 pt-4">
                <input type="hidden" name="intent" value="mode" />
                <input type="hidden" name="mode" value={training.mode === 'list' ? 'counts' : 'list'} />
                <p className="mb-2">{training.mode === 'list' ? t('attendance.toCountsHint', { age: summary.minimumAge }) : t('attendance.toListHint')}</p>
                <button type="submit" className="rounded border-2 border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700">
                  {training.mode === 'list' ? t('attendance.toCounts') : t('attendance.toList')}
                </button>
              </Form>
            )}
          </>
        )}
      </FormState>
    </>
  );
}
