import { useEffect, useRef, useState } from 'react';
import { useFetcher } from 'react-router';
import { type FieldErrors, formErrorField } from '../../forms/validation';
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
 * Each save names the saved draft it was typed over, so that a newer one (another tab, another admin)
 * is not overwritten unawares.
 */
export function StrategyForm({ content, savedAt, serverState }: { content: StrategyContent; savedAt: string; serverState: { errors: FieldErrors; values: Record<string, string> } | undefined }) {
  const { t, language } = useI18n();
  const autosave = useFetcher<{ ok: true; savedAt: string } | { ok: false; errors: FieldErrors }>();
  const container = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancelAutosave = () => void (timer.current && clearTimeout(timer.current));
  useEffect(() => cancelAutosave, []);
  // The saved draft this form is typed over: as the page was opened (or refused it), then as saved by itself.
  const [revision, setRevision] = useState(() => {
    const refusedOn = serverState?.values.draftSavedAt;
    return refusedOn && !Number.isNaN(Date.parse(refusedOn)) ? refusedOn : savedAt;
  });
  useEffect(() => {
    if (autosave.data?.ok) setRevision(autosave.data.savedAt);
  }, [autosave.data]);
  const autosaveError = autosave.state === 'idle' && autosave.data && !autosave.data.ok ? autosave.data.errors : null;
  const saving = autosave.state !== 'idle';
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
  const section = (name: (typeof strategySections)[number], rows = 6) => <TextArea name={name} label={labels[name]!} hint={t(`strategy.hints.${name}`)} defaultValue={content[name]} rows={rows} />;
  return (
    <ValidatedForm method="post" schema={strategySchema} serverState={serverState} labels={labels} onSubmitCapture={cancelAutosave}>
      <input type="hidden" name="draftSavedAt" value={revision} />
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
      <p className={`mb-4 text-sm ${autosaveError ? 'font-semibold text-error-700' : ''}`} role="status">
        {saving
          ? t('strategy.saving')
          : autosaveError
            ? autosaveError[formErrorField]?.key === 'strategy.errors.savedElsewhere'
              ? t('strategy.autosaveSavedElsewhere')
              : t('strategy.autosaveFailed')
            : t('strategy.savedAt', { time: formatDateTime(language, new Date(revision)) })}
      </p>
      <div className="flex flex-wrap gap-3">
        {/* Not while saving by itself: the answer tells which draft the button's save is typed over. */}
        <button type="submit" name="intent" value="save" disabled={saving} className="rounded border-2 border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700 disabled:opacity-60">
          {t('strategy.saveDraft')}
        </button>
        <button type="submit" name="intent" value="publish" disabled={saving} className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {t('strategy.publish')}
        </button>
      </div>
    </ValidatedForm>
  );
}
