import { useRef, useState } from 'react';
import type { ModelContent } from '../../../server/models/content';
import { type ActivityKind, activityKinds, calculateWorkload, isReading } from '../../../server/models/workload';
import { formatHoursInput } from '../../../server/hours/format';
import { activityRows, modelSchema, typedAmount } from '../../forms/models';
import type { FieldErrors } from '../../forms/validation';
import { useI18n } from '../../i18n/react';
import { TextArea, TextField, ValidatedForm } from '../forms';
import { RepeatedRows, spareRows } from '../RepeatedRows';
import { WorkloadSummary } from './WorkloadSummary';

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
  const stored = content.activities.map((a) => ({ activityKind: a.kind, activityAmount: isReading(a.kind) ? String(a.amount) : formatHoursInput(language, a.amount), activityDescription: a.description }));
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
        <RepeatedRows
          legend={t('models.activities')}
          hint={t('models.activitiesHint')}
          rowLegend={(number) => t('models.activityNumber', { number })}
          addLabel={t('models.addActivity')}
          stored={stored}
          columns={[
            { name: 'activityKind', label: t('models.fields.activityKind'), options: activityKinds.map((kind) => ({ value: kind, label: t(`models.kinds.${kind}`) })), placeholder: t('models.chooseKind'), width: 'w-72' },
            { name: 'activityAmount', label: t('models.fields.activityAmount'), inputMode: 'decimal', width: 'w-28 text-right' },
            { name: 'activityDescription', label: t('models.fields.activityDescription'), width: 'w-72' },
          ]}
        />
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
