import type { HoursAvailable } from '../../../server/hours/availability';
import { formatHundredths } from '../../../server/hours/format';
import { useI18n } from '../../i18n/react';

/** What the unit's trainings can still reserve in the year, source by source. */
export function HoursAvailability({ year, available }: { year: number; available: HoursAvailable }) {
  const { t, language } = useI18n();
  const hours = (hundredths: number) => formatHundredths(language, hundredths);
  return (
    <>
      <h3 className="mt-3 font-semibold">{t('trainings.available', { year })}</h3>
      <ul className="list-disc pl-6">
        {available.sources.map((source) => (
          <li key={source.unitName ?? 'pool'}>
            {source.kind === 'unit' ? t('trainings.availableUnit', { unit: source.unitName ?? '', hours: hours(source.hundredths) }) : t('trainings.availablePool', { hours: hours(source.hundredths) })}
          </li>
        ))}
        <li>{t('trainings.availablePeer', { hours: hours(available.peerQuota) })}</li>
      </ul>
      <p className="mt-2 text-sm">{t('trainings.availableLargest', { hours: hours(available.largest) })}</p>
    </>
  );
}
