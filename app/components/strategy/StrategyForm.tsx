import { useEffect, useRef } from 'react';
import { useFetcher } from 'react-router';
import type { FieldErrors } from '../../forms/validation';
import { strategySchema, targetColumns } from '../../forms/strategy';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { type StrategyContent, strategySections } from '../../../server/strategy/content';
import { RepeatedRows, spareRows } from '../RepeatedRows';
import { TextArea, ValidatedForm } from '../forms';

/** How long typing pauses before the draft saves itself. */
const autosaveDelayMs = 3000;

/**
 * The strategy's parts and development targets. With JavaScript the draft saves itself a moment after
 * typing stops (the page says when); without it the "save draft" button does. Publishing makes a version.
 */
export function StrategyForm({ content, savedAt, serverState }: { content: StrategyContent; savedAt: string; serverState: { errors: FieldErrors; values: Record<string, string> } | undefined }) {
  const { t, language } = useI18n();
  const autosave = useFetcher<{ ok: boolean; savedAt?: string }>();
  const container = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const labels: Record<string, string> = Object.fromEntries(strategySections.map((s) => [s, t(`strategy.sections.${s}`)]));
  labels.targetText = t('strategy.sections.targets');
  const rowCount = Math.max(content.targets.length, serverState?.values.targetText?.split('\n').length ?? 0) + spareRows;
  for (let i = 0; i < rowCount; i++) for (const column of targetColumns) labels[`${column}.${i}`] = t('strategy.targetField', { number: i + 1, field: t(`strategy.fields.${column}`) });
  const stored = content.targets.map((target) => ({ targetText: target.target, targetMeasure: target.measure, targetOwner: target.owner, targetTimetable: target.timetable }));
  const scheduleSave = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = container.current?.closest('form');
      if (!form) return;
      const data = new FormData(form);
      data.set('intent', 'autosave');
      autosave.submit(data, { method: 'post' });
    }, autosaveDelayMs);
  };
  const lastSaved = autosave.data?.ok && autosave.data.savedAt ? autosave.data.savedAt : savedAt;
  const section = (name: (typeof strategySections)[number], rows = 6) => <TextArea name={name} label={labels[name]!} hint={t(`strategy.hints.${name}`)} defaultValue={content[name]} rows={rows} />;
  return (
    <ValidatedForm method="post" schema={strategySchema} serverState={serverState} labels={labels}>
      <div ref={container} onInput={scheduleSave} onChange={scheduleSave}>
        {section('purpose')}
        {section('currentState')}
        {section('challenges')}
        <RepeatedRows
          legend={t('strategy.sections.targets')}
          hint={t('strategy.hints.targets')}
          rowLegend={(number) => t('strategy.targetNumber', { number })}
          addLabel={t('strategy.addTarget')}
          stored={stored}
          columns={[
            { name: 'targetText', label: t('strategy.fields.targetText'), width: 'w-80' },
            { name: 'targetMeasure', label: t('strategy.fields.targetMeasure'), width: 'w-64' },
            { name: 'targetOwner', label: t('strategy.fields.targetOwner'), width: 'w-48' },
            { name: 'targetTimetable', label: t('strategy.fields.targetTimetable'), width: 'w-40' },
          ]}
        />
        {section('targetGroups', 4)}
        {section('qualityDevelopment')}
        {section('evaluation')}
      </div>
      <p className="mb-4 text-sm" role="status">
        {autosave.state !== 'idle' ? t('strategy.saving') : t('strategy.savedAt', { time: formatDateTime(language, new Date(lastSaved)) })}
      </p>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="save" className="rounded border-2 border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700">
          {t('strategy.saveDraft')}
        </button>
        <button type="submit" name="intent" value="publish" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t('strategy.publish')}
        </button>
      </div>
    </ValidatedForm>
  );
}
