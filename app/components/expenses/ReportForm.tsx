import { useRef, useState } from 'react';
import { costCategories } from '../../../server/expenses/kinds';
import { type ReportContent, type SupportBreakdown as Breakdown, type SupportRates, calculateSupport } from '../../../server/expenses/support';
import { formatHoursInput } from '../../../server/hours/format';
import { teachingHundredths } from '../../../server/trainings/teaching-hours';
import { costRows, reportSchema, typedCents } from '../../forms/expenses';
import type { FieldErrors } from '../../forms/validation';
import { useI18n } from '../../i18n/react';
import { CheckboxField, TextArea, TextField, ValidatedForm } from '../forms';
import { RepeatedRows, spareRows } from '../RepeatedRows';
import { SessionRows, sessionTimeFields } from '../trainings/SessionRows';
import { SupportBreakdown } from './SupportBreakdown';

/** The figures as typed; what is not (yet) a number counts as nothing. */
function liveBreakdown(form: HTMLFormElement, rates: SupportRates): Breakdown {
  const read = (name: string) => [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)].map((input) => input.value);
  const [starts, ends, breaks] = [read('sessionStart'), read('sessionEnd'), read('sessionBreak')];
  const sessions = starts.map((start, i) => ({ date: '', start, end: ends[i] ?? '', breakMinutes: Number(breaks[i] || '0') || 0 }));
  const costs = costRows({ costCategory: read('costCategory'), costDescription: read('costDescription'), costAmount: read('costAmount') })
    .filter((row) => (costCategories as readonly string[]).includes(row.category))
    .map((row) => ({ category: row.category as (typeof costCategories)[number], amountCents: typedCents(row.amount) }));
  return calculateSupport(rates, teachingHundredths(sessions), costs, typedCents(read('otherFunding')[0] ?? ''));
}

/**
 * The expense report form: realised sessions (prefilled from the plan), cost items, income and the
 * marketing declaration, with the support calculated as it is typed (and on every save without
 * JavaScript). Saving keeps a draft; submitting sends it to the centre.
 */
export function ReportForm({
  content,
  breakdown,
  rates,
  serverState,
  canSubmit,
}: {
  content: ReportContent;
  breakdown: Breakdown;
  rates: SupportRates;
  serverState: { errors: FieldErrors; values: Record<string, string> } | undefined;
  canSubmit: boolean;
}) {
  const { t, language } = useI18n();
  const [live, setLive] = useState<Breakdown | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const labels: Record<string, string> = {
    sessionDate: t('trainings.sessions'),
    costCategory: t('expenses.costs'),
    participantFees: t('expenses.fields.participantFees'),
    otherFunding: t('expenses.fields.otherFunding'),
    otherFundingSource: t('expenses.fields.otherFundingSource'),
    marketingDeclaration: t('expenses.fields.marketingDeclaration'),
    notes: t('expenses.fields.notes'),
  };
  const sessionCount = Math.max(content.sessions.length, serverState?.values.sessionDate?.split('\n').length ?? 0) + 2;
  for (let i = 0; i < sessionCount; i++) {
    for (const field of sessionTimeFields) labels[`${field.column}.${i}`] = t('trainings.sessionField', { number: i + 1, field: t(field.label) });
  }
  const costCount = Math.max(content.costs.length, serverState?.values.costCategory?.split('\n').length ?? 0) + spareRows;
  for (let i = 0; i < costCount; i++) {
    labels[`costCategory.${i}`] = t('expenses.costField', { number: i + 1, field: t('expenses.fields.costCategory') });
    labels[`costDescription.${i}`] = t('expenses.costField', { number: i + 1, field: t('expenses.fields.costDescription') });
    labels[`costAmount.${i}`] = t('expenses.costField', { number: i + 1, field: t('expenses.fields.costAmount') });
  }
  const money = (cents: number) => (cents ? formatHoursInput(language, cents) : '');
  const storedSessions = content.sessions.map((s) => ({ date: s.date, start: s.start, end: s.end, breakMinutes: s.breakMinutes ? String(s.breakMinutes) : '', place: '', onlineLink: '' }));
  const storedCosts = content.costs.map((c) => ({ costCategory: c.category, costDescription: c.description, costAmount: formatHoursInput(language, c.amountCents) }));
  const recompute = () => {
    const form = container.current?.closest('form');
    if (form) setLive(liveBreakdown(form, rates));
  };
  return (
    <ValidatedForm method="post" schema={reportSchema} serverState={serverState} labels={labels}>
      <div ref={container} onInput={recompute} onChange={recompute}>
        <SessionRows stored={storedSessions} timesOnly />
        <RepeatedRows
          legend={t('expenses.costs')}
          hint={t('expenses.costsHint')}
          rowLegend={(number) => t('expenses.costNumber', { number })}
          addLabel={t('expenses.addCost')}
          stored={storedCosts}
          columns={[
            { name: 'costCategory', label: t('expenses.fields.costCategory'), options: costCategories.map((category) => ({ value: category, label: t(`expenses.categories.${category}`) })), placeholder: t('expenses.chooseCategory'), width: 'w-64' },
            { name: 'costDescription', label: t('expenses.fields.costDescription'), width: 'w-72' },
            { name: 'costAmount', label: t('expenses.fields.costAmount'), inputMode: 'decimal', width: 'w-32 text-right' },
          ]}
        />
        <fieldset className="mb-4">
          <legend className="mb-2 text-lg font-semibold">{t('expenses.income')}</legend>
          <TextField name="participantFees" label={labels.participantFees!} hint={t('expenses.participantFeesHint')} defaultValue={money(content.participantFeesCents)} required={false} inputMode="decimal" />
          <TextField name="otherFunding" label={labels.otherFunding!} hint={t('expenses.otherFundingHint')} defaultValue={money(content.otherFundingCents)} required={false} inputMode="decimal" />
          <TextField name="otherFundingSource" label={labels.otherFundingSource!} defaultValue={content.otherFundingSource} required={false} />
        </fieldset>
        <SupportBreakdown breakdown={live ?? breakdown} live />
        <TextArea name="notes" label={labels.notes!} hint={t('expenses.notesHint')} defaultValue={content.notes} rows={3} />
        <CheckboxField name="marketingDeclaration" label={t('expenses.fields.marketingDeclaration')} defaultChecked={content.marketingDeclaration} />
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="save" className="rounded border-2 border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700">
            {t('expenses.saveDraft')}
          </button>
          {canSubmit && (
            <button type="submit" name="intent" value="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
              {t('expenses.submit')}
            </button>
          )}
        </div>
      </div>
    </ValidatedForm>
  );
}
