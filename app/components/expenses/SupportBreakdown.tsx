import { formatEuros } from '../../../server/expenses/format';
import type { SupportBreakdown as Breakdown } from '../../../server/expenses/support';
import { participantTravelCapBasisPoints } from '../../../server/expenses/support';
import { formatHundredths } from '../../../server/hours/format';
import { useI18n } from '../../i18n/react';

/**
 * The support and how each of its numbers came about: eligible costs (participants' travel capped),
 * the three limits, and which of them set the support.
 */
export function SupportBreakdown({ breakdown, live = false }: { breakdown: Breakdown; live?: boolean }) {
  const { t, language } = useI18n();
  const euros = (cents: number) => formatEuros(language, cents);
  const percent = (basisPoints: number) => `${formatHundredths(language, basisPoints)} %`;
  const b = breakdown;
  const limit = (key: 'byHours' | 'byCosts' | 'costsLessFunding', value: number, how: string) => (
    <tr className={b.binding === key ? 'bg-green-50 font-semibold' : ''}>
      <th scope="row" className="py-1 pr-4 text-left font-normal">
        {t(`expenses.breakdown.${key}`)}
        <span className="block text-sm text-slate-700">{how}</span>
        {b.binding === key && <span className="block text-sm font-semibold text-ok-700">{t('expenses.breakdown.binding')}</span>}
      </th>
      <td className="py-1 text-right tabular-nums">{euros(value)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="support-title" className="mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4">
      <h2 id="support-title" className="mt-0">
        {t('expenses.breakdown.title')}
      </h2>
      <p aria-live={live ? 'polite' : undefined} className="mb-3 text-2xl font-semibold tabular-nums">
        {t('expenses.breakdown.support', { amount: euros(b.supportCents) })}
      </p>
      <table className="w-full">
        <caption className="sr-only">{t('expenses.breakdown.caption')}</caption>
        <tbody>
          <tr>
            <th scope="row" className="py-1 pr-4 text-left font-normal">
              {t('expenses.breakdown.otherCosts')}
            </th>
            <td className="py-1 text-right tabular-nums">{euros(b.otherCostsCents)}</td>
          </tr>
          <tr>
            <th scope="row" className="py-1 pr-4 text-left font-normal">
              {t('expenses.breakdown.participantTravel')}
              <span className="block text-sm text-slate-700">
                {t('expenses.breakdown.travelCap', { entered: euros(b.participantTravelCents), share: percent(participantTravelCapBasisPoints), cap: euros(b.participantTravelCapCents) })}
              </span>
            </th>
            <td className="py-1 text-right tabular-nums">{euros(b.participantTravelCountedCents)}</td>
          </tr>
          <tr className="border-t border-slate-300">
            <th scope="row" className="py-1 pr-4 text-left">
              {t('expenses.breakdown.eligibleCosts')}
            </th>
            <td className="py-1 text-right font-semibold tabular-nums">{euros(b.eligibleCostsCents)}</td>
          </tr>
          <tr>
            <td colSpan={2} className="pt-3 pb-1 text-sm text-slate-700">
              {t('expenses.breakdown.lowestOf')}
            </td>
          </tr>
          {limit('byHours', b.byHoursCents, t('expenses.breakdown.byHoursHow', { rate: euros(b.hourlyRateCents), hours: formatHundredths(language, b.realisedHundredths) }))}
          {limit('byCosts', b.byCostsCents, t('expenses.breakdown.byCostsHow', { cap: percent(b.costCapBasisPoints), costs: euros(b.eligibleCostsCents) }))}
          {limit('costsLessFunding', b.costsLessFundingCents, t('expenses.breakdown.costsLessFundingHow', { costs: euros(b.eligibleCostsCents), funding: euros(b.otherFundingCents) }))}
        </tbody>
      </table>
      <p className="mt-3 text-sm text-slate-700">{t('expenses.breakdown.feesNote')}</p>
    </section>
  );
}
