import type { Workload } from '../../../server/models/workload';
import { useI18n } from '../../i18n/react';

/** Thousandths of an hour as hours with up to three decimals, in the reader's language ("40,5 h"). */
export function useHoursOfWork() {
  const { language } = useI18n();
  const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : `${language}-FI`, { maximumFractionDigits: 3 });
  return (thousandths: number) => `${format.format(thousandths / 1000)} h`;
}

/** The calculator's result: total hours of work and credits, or why there are none yet (under 27 h). */
export function WorkloadSummary({ workload, live = false }: { workload: Workload; live?: boolean }) {
  const { t, language } = useI18n();
  const hours = useHoursOfWork();
  const credits = workload.creditTenths === null ? null : new Intl.NumberFormat(language === 'en' ? 'en-GB' : `${language}-FI`, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(workload.creditTenths / 10);
  return (
    <div className="mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4" aria-live={live ? 'polite' : undefined}>
      <p className="font-semibold">{t('models.workloadTotal', { hours: hours(workload.totalThousandths) })}</p>
      <p className="text-lg font-semibold">{credits === null ? t('models.underMinimum') : t('models.credits', { credits })}</p>
      <p className="mt-2 text-sm text-slate-700">{t('models.creditRule')}</p>
    </div>
  );
}
