import { Link } from 'react-router';
import type { Route } from './+types/versions';
import { versionPairSchema } from '../../forms/expenses';
import { requirePlan } from '../../http/training.server';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { formatIsoDate } from '../../../server/calendar/format';
import { formatEuros } from '../../../server/expenses/format';
import { reportOfTraining, reportVersions } from '../../../server/expenses/reports';
import { formatHundredths } from '../../../server/hours/format';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx, organisationId, plan } = await requirePlan(request, context, 'expenseReport.read', params);
  const report = await reportOfTraining(ctx.db, plan.id);
  const latest = report?.version ?? 0;
  const query = versionPairSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const to = Math.min(query.to ?? latest, latest);
  const from = Math.min(query.from ?? to - 1, to);
  const [older, newer] = report && from >= 1 ? await reportVersions(ctx.db, report.id, [from, to]) : [null, null];
  return { organisationId, training: { id: plan.id, name: plan.name }, latest, from, to, older, newer };
}

type Version = NonNullable<Route.ComponentProps['loaderData']['older']>;

/** Two versions side by side, one line per figure; lines that differ are marked. */
export default function CompareVersions({ loaderData }: Route.ComponentProps) {
  const { t, language, number } = useI18n();
  const { organisationId, training, latest, from, to, older, newer } = loaderData;
  const euros = (cents: number) => formatEuros(language, cents);
  const lines = (v: Version): [string, string][] => [
    [t('expenses.compare.submitted'), formatDateTime(language, new Date(v.submittedAt))],
    ...v.content.sessions.map((s, i): [string, string] => [t('expenses.compare.session', { number: i + 1 }), `${formatIsoDate(language, s.date)} ${s.start}–${s.end} (${number(s.breakMinutes)} min)`]),
    [t('expenses.compare.realisedHours'), formatHundredths(language, v.breakdown.realisedHundredths)],
    [t('expenses.attended'), number(v.attendedAdults)],
    ...v.content.costs.map((c, i): [string, string] => [t('expenses.compare.cost', { number: i + 1 }), `${t(`expenses.categories.${c.category}`)}: ${c.description} ${euros(c.amountCents)}`]),
    [t('expenses.fields.participantFees'), euros(v.content.participantFeesCents)],
    [t('expenses.fields.otherFunding'), `${euros(v.content.otherFundingCents)} ${v.content.otherFundingSource}`.trim()],
    [t('expenses.fields.marketingDeclaration'), v.content.marketingDeclaration ? t('expenses.yes') : t('expenses.no')],
    [t('expenses.fields.notes'), v.content.notes],
    [t('expenses.breakdown.eligibleCosts'), euros(v.breakdown.eligibleCostsCents)],
    [t('expenses.breakdown.title'), euros(v.breakdown.supportCents)],
  ];
  const back = `/organisations/${organisationId}/trainings/${training.id}/expense-report`;
  const rows = older && newer ? (() => {
    const [a, b] = [lines(older), lines(newer)];
    const labels = [...new Set([...a.map(([l]) => l), ...b.map(([l]) => l)])];
    const value = (list: [string, string][], label: string) => list.find(([l]) => l === label)?.[1] ?? '–';
    return labels.map((label) => ({ label, a: value(a, label), b: value(b, label) }));
  })() : [];
  return (
    <>
      <title>{`${t('expenses.compare.title')}: ${training.name} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={back}>{t('expenses.backToReport')}</Link>
      </p>
      <h1>{t('expenses.compare.titleFor', { name: training.name })}</h1>
      {latest < 2 ? (
        <p>{t('expenses.compare.onlyOne')}</p>
      ) : (
        <>
          <form method="get" className="mb-6 flex flex-wrap items-end gap-4">
            {(['from', 'to'] as const).map((field) => (
              <div key={field}>
                <label htmlFor={`version-${field}`} className="block font-semibold">
                  {t(`expenses.compare.${field}`)}
                </label>
                <select id={`version-${field}`} name={field} defaultValue={String(field === 'from' ? from : to)} className="mt-1 rounded border-2 border-slate-600 bg-white px-3 py-2">
                  {Array.from({ length: latest }, (_, i) => i + 1).map((n) => (
                    <option key={n} value={n}>
                      {t('expenses.compare.version', { version: n })}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
              {t('expenses.compare.show')}
            </button>
          </form>
          <div className="overflow-x-auto">
            <table className="w-full max-w-5xl border-collapse bg-white text-left">
              <caption className="sr-only">{t('expenses.compare.caption', { from, to })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border-b-2 border-slate-400 px-3 py-2">
                    {t('expenses.compare.figure')}
                  </th>
                  <th scope="col" className="border-b-2 border-slate-400 px-3 py-2">
                    {t('expenses.compare.version', { version: from })}
                  </th>
                  <th scope="col" className="border-b-2 border-slate-400 px-3 py-2">
                    {t('expenses.compare.version', { version: to })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const changed = row.a !== row.b;
                  return (
                    <tr key={row.label} className={`border-b border-slate-200 align-top ${changed ? 'bg-amber-50' : ''}`}>
                      <th scope="row" className="px-3 py-2 font-semibold">
                        {row.label}
                        {changed && <span className="block text-sm text-warn-700">{t('expenses.compare.changed')}</span>}
                      </th>
                      <td className="px-3 py-2 whitespace-pre-line">{row.a}</td>
                      <td className="px-3 py-2 whitespace-pre-line">{row.b}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
