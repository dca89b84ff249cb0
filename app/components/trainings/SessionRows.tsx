import { type ReactNode, useRef, useState } from 'react';
import { formatHundredths } from '../../../server/hours/format';
import { type SessionTimes, hundredthsFromMinutes, teachingMinutes } from '../../../server/trainings/teaching-hours';
import { sessionColumns } from '../../forms/trainings';
import { useI18n } from '../../i18n/react';
import { useErrorText, useFormState } from '../forms';

export interface SessionRowValues {
  date: string;
  start: string;
  end: string;
  breakMinutes: string;
  place: string;
  onlineLink: string;
}

const emptyRow: SessionRowValues = { date: '', start: '', end: '', breakMinutes: '', place: '', onlineLink: '' };
/** Rows left empty for new sessions, so that sessions can be added without JavaScript. */
const spareRows = 2;

/** The rows as last typed (after a refused submission) or as stored, with spare empty rows. */
function initialRows(stored: SessionRowValues[], kept: Record<string, string>): SessionRowValues[] {
  const column = (name: (typeof sessionColumns)[number]) => kept[name]?.split('\n');
  const dates = column('sessionDate');
  const rows = dates
    ? dates.map((date, i) => ({
        date,
        start: column('sessionStart')?.[i] ?? '',
        end: column('sessionEnd')?.[i] ?? '',
        breakMinutes: column('sessionBreak')?.[i] ?? '',
        place: column('sessionPlace')?.[i] ?? '',
        onlineLink: column('sessionLink')?.[i] ?? '',
      }))
    : stored;
  const filled = rows.filter((r) => Object.values(r).some((v) => v !== ''));
  return [...filled, ...Array.from({ length: spareRows }, () => emptyRow)];
}

/** Minutes of the rows that are whole sessions, as typed (an empty break is none). */
const minutesOf = (rows: (Pick<SessionTimes, 'start' | 'end'> & { breakMinutes: string })[]) => teachingMinutes(rows.map((row) => ({ ...row, breakMinutes: Number(row.breakMinutes || '0') })));

/**
 * The sessions of a plan as rows of fields, with the teaching hours computed as they are typed
 * (end − start − breaks, summed, ÷ 45, rounded once) next to what the unit still has available.
 */
export function SessionRows({ stored, availability, timesOnly = false }: { stored: SessionRowValues[]; availability?: ReactNode; timesOnly?: boolean }) {
  const { t, number, language } = useI18n();
  const { values } = useFormState();
  const [rows, setRows] = useState(() => initialRows(stored, values));
  const [minutes, setMinutes] = useState(() => minutesOf(rows));
  const container = useRef<HTMLDivElement>(null);
  // Read from the fields themselves: they stay uncontrolled, so the form also works without JavaScript.
  const recompute = () => {
    const read = (name: string) => [...(container.current?.querySelectorAll<HTMLInputElement>(`[name="${name}"]`) ?? [])].map((input) => input.value);
    const [starts, ends, breaks] = [read('sessionStart'), read('sessionEnd'), read('sessionBreak')];
    setMinutes(minutesOf(starts.map((start, i) => ({ start, end: ends[i] ?? '', breakMinutes: breaks[i] ?? '' }))));
  };
  return (
    <div ref={container} onInput={recompute}>
      <fieldset className="mb-4">
        <legend className="mb-2 text-lg font-semibold">{t('trainings.sessions')}</legend>
        <p className="mb-3 max-w-3xl text-sm text-slate-700">{t('trainings.sessionsHint')}</p>
        {rows.map((row, i) => (
          <SessionRow key={i} index={i} row={row} fields={timesOnly ? sessionTimeFields : sessionFields} />
        ))}
      </fieldset>
      <p className="mb-4">
        <button type="button" onClick={() => setRows((current) => [...current, emptyRow])} className="rounded border-2 border-brand-600 bg-white px-3 py-1 font-semibold text-brand-700">
          {t('trainings.addSession')}
        </button>
      </p>
      <div aria-live="polite" className="mb-6 rounded border border-slate-300 bg-white p-4">
        <p className="text-lg font-semibold">{t('trainings.teachingHoursLive', { hours: formatHundredths(language, hundredthsFromMinutes(minutes)), minutes: number(minutes) })}</p>
        {availability}
      </div>
    </div>
  );
}

/** A session row's fields: the column they submit, the row's value, the input type, label and width. */
export const sessionFields = [
  { column: 'sessionDate', key: 'date', type: 'date', label: 'trainings.sessionDate', width: 'w-44' },
  { column: 'sessionStart', key: 'start', type: 'time', label: 'trainings.sessionStart', width: 'w-32' },
  { column: 'sessionEnd', key: 'end', type: 'time', label: 'trainings.sessionEnd', width: 'w-32' },
  { column: 'sessionBreak', key: 'breakMinutes', type: 'text', label: 'trainings.sessionBreak', width: 'w-24' },
  { column: 'sessionPlace', key: 'place', type: 'text', label: 'trainings.sessionPlace', width: 'w-64' },
  { column: 'sessionLink', key: 'onlineLink', type: 'url', label: 'trainings.sessionLink', width: 'w-64' },
] as const;

/** A realised session needs only its date and times. */
export const sessionTimeFields = sessionFields.slice(0, 4);

function SessionRow({ index, row, fields }: { index: number; row: SessionRowValues; fields: readonly (typeof sessionFields)[number][] }) {
  const { t } = useI18n();
  const { errors, idPrefix = '' } = useFormState();
  const errorText = useErrorText();
  return (
    <fieldset className="mb-3 flex flex-wrap items-start gap-3 border-l-4 border-slate-300 pl-3">
      <legend className="font-semibold">{t('trainings.sessionNumber', { number: index + 1 })}</legend>
      {fields.map((field) => {
        const id = `${idPrefix}field-${field.column}.${index}`;
        const error = errors[`${field.column}.${index}`];
        return (
          <div key={field.column}>
            <label htmlFor={id} className="block text-sm font-semibold">
              {t(field.label)}
            </label>
            <input
              id={id}
              name={field.column}
              type={field.type}
              inputMode={field.column === 'sessionBreak' ? 'numeric' : undefined}
              defaultValue={row[field.key]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className={`mt-1 block rounded border-2 px-2 py-1 ${field.width} ${error ? 'border-error-700' : 'border-slate-600'}`}
            />
            {error && (
              <p id={`${id}-error`} className="max-w-64 text-sm font-semibold text-error-700">
                {errorText(error)}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
