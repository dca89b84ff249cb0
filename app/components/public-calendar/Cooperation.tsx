import type { CentreBranding } from '../../../server/centre/branding';
import { useI18n } from '../../i18n/react';

/** The statement every public training carries: organised in cooperation with the centre, with the logos. */
export function Cooperation({ centre, organisation }: { centre: CentreBranding; organisation?: { id: string; name: string; logoVersion: string | null } }) {
  const { t } = useI18n();
  return (
    <div className="mb-6 flex flex-wrap items-center gap-6 rounded border border-slate-300 bg-white p-4">
      {centre.logoVersion && <img src={`/centre/images/logo?v=${centre.logoVersion}`} alt={t('publicCalendar.logoOf', { name: centre.name })} className="h-16 w-auto" />}
      {organisation?.logoVersion && (
        <img src={`/training-calendar/logos/${organisation.id}?v=${organisation.logoVersion}`} alt={t('publicCalendar.logoOf', { name: organisation.name })} className="h-16 w-auto" />
      )}
      <p className="max-w-2xl">
        {organisation ? t('marketing.sentence', { organisation: organisation.name, centre: centre.name }) : t('publicCalendar.cooperationIntro', { centre: centre.name })}
      </p>
    </div>
  );
}
