import { useRef, useState } from 'react';
import type { ModelContent } from '../../../server/models/content';
import { type ActivityKind, activityKinds, calculateWorkload, isReading } from '../../../server/models/workload';
import { formatHoursInput } from '../../../server/hours/format';
import { activityRows, modelSchema, typedAmount } from '../../forms/models';
import type { FieldErrors } from '../../forms/validation';
import { useI18n } from '../../i18n/react';
import { TextArea, TextField, ValidatedForm, useErrorText, useFormState } from '../forms';
import { WorkloadSummary } from './WorkloadSummary';

interface ActivityRowValues {
  kind: string;
  amount: string;
  description: string;
}
const emptyActivity: ActivityRowValues = { kind: '', amount: '', description: '' };
/** Rows left empty for new activities, so that they can be added without JavaScript. */
const spareRows = 3;

/** The workload as typed; what is not (yet) an amount counts as nothing. */
function liveWorkload(form: HTMLFormElement) {
  const read = (name: string) => [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)].map((input) => input.value);
  const rows = activityRows({ activityKind: read('activityKind'), activityAmount: read('activityAmount'), activityDescription: read('activityDescription') });
  return calculateWorkload(
    rows
      .filter((row) => (activityKinds as readonly string[]).includes(row.kind))
      .map((row) => ({ kind: row.kind as ActivityKind, amount: typedAmount(row.kind as ActivityKind, row.amount) ?? 0 })),
  );
}

function ActivityRow({ index, row }: { index: number; row: ActivityRowValues }) {
  const { t } = useI18n();
  const { errors } = useFormState();
  const errorText = useErrorText();
  const fields = [
    { column: 'activityKind', label: t('models.fields.activityKind') },
    { column: 'activityAmount', label: t('models.fields.activityAmount') },
    { column: 'activityDescription', label: t('models.fields.activityDescription') },
  ] as const;
  return (
    <fieldset className="mb-3 flex flex-wrap items-start gap-3 border-l-4 border-slate-300 pl-3">
      <legend className="font-semibold">{t('models.activityNumber', { number: index + 1 })}</legend>
      {fields.map((field) => {
        const id = `field-${field.column}.${index}`;
        const error = errors[`${field.column}.${index}`];
        const common = { id, name: field.column, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined } as const;
        const frame = `mt-1 block rounded border-2 px-2 py-1 ${error ? 'border-error-700' : 'border-slate-600'}`;
        return (
          <div key={field.column}>
            <label htmlFor={id} className="block text-sm font-semibold">
              {field.label}
            </label>
            {field.column === 'activityKind' ? (
              <select {...common} defaultValue={row.kind} className={`${frame} w-72 bg-white`}>
                <option value="">{t('models.chooseKind')}</option>
                {activityKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`models.kinds.${kind}`)}
                  </option>
                ))}
              </select>
            ) : (
              <input {...common} type="text" inputMode={field.column === 'activityAmount' ? 'decimal' : undefined} defaultValue={field.column === 'activityAmount' ? row.amount : row.description} className={`${frame} ${field.column === 'activityAmount' ? 'w-28 text-right' : 'w-72'}`} />
            )}
            {error && (
              <p id={`${id}-error`} className="max-w-72 text-sm font-semibold text-error-700">
                {errorText(error)}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

function ActivityRows({ stored }: { stored: ActivityRowValues[] }) {
  const { t } = useI18n();
  const { values } = useFormState();
  const [rows, setRows] = useState<ActivityRowValues[]>(() => {
    const column = (name: string) => values[name]?.split('\n');
    const kinds = column('activityKind');
    const kept = kinds ? kinds.map((kind, i) => ({ kind, amount: column('activityAmount')?.[i] ?? '', description: column('activityDescription')?.[i] ?? '' })) : stored;
    return [...kept.filter((r) => r.kind || r.amount || r.description), ...Array.from({ length: spareRows }, () => emptyActivity)];
  });
  return (
    <>
      <fieldset className="mb-4">
        <legend className="mb-2 text-lg font-semibold">{t('models.activities')}</legend>
        <p className="mb-3 max-w-3xl text-sm text-slate-700">{t('models.activitiesHint')}</p>
        {rows.map((row, i) => (
          <ActivityRow key={i} index={i} row={row} />
        ))}
      </fieldset>
      <p className="mb-6">
        <button type="button" onClick={() => setRows((current) => [...current, emptyActivity])} className="rounded border-2 border-brand-600 bg-white px-3 py-1 font-semibold text-brand-700">
          {t('models.addActivity')}
        </button>
      </p>
    </>
  );
}

/**
 * The model's design: name, target group, learning outcomes, content, assessment and the workload
 * as activities, with the hours and credits calculated as it is typed (and on every save without
 * JavaScript). Saving keeps a draft; submitting sends it to the centre's review.
 */
export function ModelForm({ content, serverState, canSubmit }: { content: ModelContent; serverState: { errors: FieldErrors; values: Record<string, string> } | undefined; canSubmit: boolean }) {
  const { t, language } = useI18n();
  const [live, setLive] = useState<ReturnType<typeof calculateWorkload> | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const labels: Record<string, string> = {
    name: t('models.fields.name'),
    targetGroup: t('models.fields.targetGroup'),
    outcomes: t('models.fields.outcomes'),
    content: t('models.fields.content'),
    assessmentMethod: t('models.fields.assessmentMethod'),
    assessmentCriteria: t('models.fields.assessmentCriteria'),
    activityKind: t('models.activities'),
  };
  const rowCount = Math.max(content.activities.length, serverState?.values.activityKind?.split('\n').length ?? 0) + spareRows;
  for (let i = 0; i < rowCount; i++) {
    for (const column of ['activityKind', 'activityAmount', 'activityDescription'] as const) labels[`${column}.${i}`] = t('models.activityField', { number: i + 1, field: t(`models.fields.${column}`) });
  }
  const stored = content.activities.map((a) => ({ kind: a.kind, amount: isReading(a.kind) ? String(a.amount) : formatHoursInput(language, a.amount), description: a.description }));
  const recompute = () => {
    const form = container.current?.closest('form');
    if (form) setLive(liveWorkload(form));
  };
  return (
    <ValidatedForm method="post" schema={modelSchema} serverState={serverState} labels={labels}>
      <div ref={container} onInput={recompute} onChange={recompute}>
        <TextField name="name" label={labels.name!} defaultValue={content.name} />
        <TextField name="targetGroup" label={labels.targetGroup!} defaultValue={content.targetGroup} />
        <TextArea name="outcomes" label={labels.outcomes!} hint={t('models.outcomesHint')} defaultValue={content.outcomes.join('\n')} rows={5} />
        <TextArea name="content" label={labels.content!} defaultValue={content.content} rows={6} />
        <TextArea name="assessmentMethod" label={labels.assessmentMethod!} defaultValue={content.assessmentMethod} rows={3} />
        <TextArea name="assessmentCriteria" label={labels.assessmentCriteria!} defaultValue={content.assessmentCriteria} rows={3} />
        <ActivityRows stored={stored} />
        <WorkloadSummary workload={live ?? calculateWorkload(content.activities)} live />
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="save" className="rounded border-2 border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700">
            {t('models.saveDraft')}
          </button>
          {canSubmit && (
            <button type="submit" name="intent" value="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              {t('models.submit')}
            </button>
          )}
        </div>
      </div>
    </ValidatedForm>
  );
}
