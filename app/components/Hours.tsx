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
