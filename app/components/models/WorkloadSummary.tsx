import { formatCredits, formatHoursOfWork } from '../../../server/models/format';
import type { Workload } from '../../../server/models/workload';
import { useI18n } from '../../i18n/react';

/** The calculator's result: total hours of work and credits, or why there are none yet (under 27 h). */
export function WorkloadSummary({ workload, live = false }: { workload: Workload; live?: boolean }) {
  const { t, language } = useI18n();
  return (
    <div className="mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4" aria-live={live ? 'polite' : undefined}>
      <p className="font-semibold">{t('models.workloadTotal', { hours: formatHoursOfWork(language, workload.totalThousandths) })}</p>
      <p className="text-lg font-semibold">{workload.creditTenths === null ? t('models.underMinimum') : t('models.credits', { credits: formatCredits(language, workload.creditTenths) })}</p>
      <p className="mt-2 text-sm text-slate-700">{t('models.creditRule')}</p>
    </div>
  );
}
