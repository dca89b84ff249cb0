import { formatHours } from '../../server/hours/format';
import type { HoursWarning } from '../../server/hours/monitoring';
import { useI18n } from '../i18n/react';
import { Notice } from './Notice';

/** Hours from hundredths in the reader's language, with the unit. */
export function Hours({ hundredths }: { hundredths: number }) {
  const { language } = useI18n();
  return <>{`${formatHours(language, hundredths)} h`}</>;
}

/** The monitoring warnings, each in words with what to do about it. */
export function HourWarnings({ warnings }: { warnings: HoursWarning[] }) {
  const { t } = useI18n();
  return (
    <>
      {warnings.map((warning) => (
        <Notice key={warning} tone="warn">
          {t(`hours.warnings.${warning}`)}
        </Notice>
      ))}
    </>
  );
}

export type FigureKey = 'granted' | 'unallocated' | 'reserved' | 'used' | 'free' | 'allocated' | 'remaining';

/** The headline figures of a dashboard, each a term and its hours. */
export function HourFigures({ figures }: { figures: readonly (readonly [FigureKey, number])[] }) {
  const { t } = useI18n();
  return (
    <dl className="mb-6 grid max-w-3xl grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-4">
      {figures.map(([key, value]) => (
        <div key={key} className="rounded border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">{t(`hours.figures.${key}`)}</dt>
          <dd className="text-xl font-semibold tabular-nums">
            <Hours hundredths={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
