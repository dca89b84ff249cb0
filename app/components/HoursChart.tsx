import type { MonthPoint } from '../../server/hours/monitoring';
import { formatHours } from '../../server/hours/format';
import { useI18n } from '../i18n/react';

const width = 640;
const height = 260;
const pad = { left: 56, right: 16, top: 16, bottom: 32 };
const lines = [
  { key: 'base', colour: '#1e3a8a', dash: '' },
  { key: 'committed', colour: '#b45309', dash: '6 4' },
  { key: 'used', colour: '#15803d', dash: '2 3' },
] as const;

/**
 * The year month by month: the hours granted (or allocated), reserved and used together, and used.
 * Lines differ by pattern as well as colour, and the same figures follow as a table.
 */
export function HoursChart({ series, title, baseLabel }: { series: MonthPoint[]; title: string; baseLabel: string }) {
  const { t, language } = useI18n();
  const points = series.map((p) => ({ month: p.month, base: p.base, committed: p.reserved === null || p.used === null ? null : p.reserved + p.used, used: p.used }));
  const max = Math.max(100, ...points.flatMap((p) => [p.base ?? 0, p.committed ?? 0]));
  const x = (month: number) => pad.left + ((month - 1) / 11) * (width - pad.left - pad.right);
  const y = (value: number) => pad.top + (1 - value / max) * (height - pad.top - pad.bottom);
  const labels = { base: baseLabel, committed: t('hours.chart.committed'), used: t('hours.chart.used') };
  const monthName = (month: number) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : `${language}-FI`, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  if (points.every((p) => p.base === null)) {
    return (
      <p className="mb-6">
        <span className="font-semibold">{title}:</span> {t('hours.chart.notStarted')}
      </p>
    );
  }
  return (
    <figure className="mb-6 max-w-3xl">
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="w-full rounded border border-slate-300 bg-white">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={pad.left} x2={width - pad.right} y1={y(max * f)} y2={y(max * f)} stroke="#cbd5e1" />
            <text x={pad.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="11" fill="#334155">
              {formatHours(language, Math.round(max * f))}
            </text>
          </g>
        ))}
        {points.map((p) => (
          <text key={p.month} x={x(p.month)} y={height - 10} textAnchor="middle" fontSize="11" fill="#334155">
            {monthName(p.month)}
          </text>
        ))}
        {lines.map((line) => {
          const drawn = points.filter((p) => p[line.key] !== null);
          if (drawn.length === 0) return null;
          const d = drawn.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.month).toFixed(1)},${y(p[line.key]!).toFixed(1)}`).join(' ');
          return <path key={line.key} d={d} fill="none" stroke={line.colour} strokeWidth="2.5" strokeDasharray={line.dash || undefined} />;
        })}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-4 text-sm">
        {lines.map((line) => (
          <li key={line.key} className="flex items-center gap-2">
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" x2="28" y1="4" y2="4" stroke={line.colour} strokeWidth="2.5" strokeDasharray={line.dash || undefined} />
            </svg>
            {labels[line.key]}
          </li>
        ))}
      </ul>
      <details className="mt-2">
        <summary className="cursor-pointer">{t('hours.chart.asTable')}</summary>
        <table className="mt-2 border-collapse bg-white text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 text-left">{t('hours.chart.month')}</th>
              {lines.map((line) => (
                <th key={line.key} scope="col" className="px-2 text-right">{labels[line.key]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.filter((p) => p.base !== null).map((p) => (
              <tr key={p.month}>
                <th scope="row" className="px-2 text-left font-normal">{monthName(p.month)}</th>
                {lines.map((line) => (
                  <td key={line.key} className="px-2 text-right tabular-nums">{formatHours(language, p[line.key] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
