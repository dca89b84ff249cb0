import { useId } from 'react';
import { chartSize, niceMaximum, scaleY, tickCount, ticks } from './chart-scale';

export interface MonthlyBarSeries {
  label: string;
  values: number[];
}

export interface MonthlyBarChartProps {
  title: string;
  description: string;
  summary: string;
  months: string[];
  series: [MonthlyBarSeries, MonthlyBarSeries];
  format: (value: number) => string;
}

const { width, height, fontSize } = chartSize;
// Room on both sides for the two value axes and above for their titles.
const plot = { left: 60, right: width - 60, top: 36, bottom: height - 32 };
// The light series gets a dark outline so its bars stand out from the white background.
const barClass = ['fill-brand-700', 'fill-brand-100 stroke-brand-900'] as const;
const axisTextClass = ['fill-brand-700', 'fill-brand-900'] as const;
// About 50 viewBox units per month label; longer ranges label every n-th month so labels never overlap.
const maxMonthLabels = 12;

/** Two monthly series as grouped bars, each against its own axis (left for the first, right for the second) because their magnitudes differ. */
export function MonthlyBarChart({ title, description, summary, months, series, format }: MonthlyBarChartProps) {
  const titleId = useId();
  const descId = useId();
  const maxima = series.map((s) => niceMaximum(Math.max(0, ...s.values)));
  // A shared interval count keeps both axes' ticks on the same gridlines.
  const count = tickCount(...maxima);
  const axes = maxima.map((maximum) => ({ y: scaleY(maximum, plot.bottom, plot.top), ticks: ticks(maximum, count) }));
  const band = (plot.right - plot.left) / Math.max(months.length, 1);
  // Two bars fill 70 % of a month, the gap separating the months; capped so a short range does not get slabs.
  const barWidth = Math.min(band * 0.35, 28);
  const labelEvery = Math.ceil(months.length / maxMonthLabels);
  const gridY = axes[0]!.ticks.map((value) => axes[0]!.y(value));

  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="h-auto w-full max-w-3xl">
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {gridY.map((y, i) => (
          <g key={i}>
            <line x1={plot.left} x2={plot.right} y1={y} y2={y} className="stroke-slate-200" />
            {axes.map((axis, side) => (
              <text key={side} x={side === 0 ? plot.left - 6 : plot.right + 6} y={y + 4} textAnchor={side === 0 ? 'end' : 'start'} fontSize={fontSize} className={axisTextClass[side]}>
                {format(axis.ticks[i]!)}
              </text>
            ))}
          </g>
        ))}
        {series.map((s, side) => (
          <g key={side}>
            <line x1={side === 0 ? plot.left : plot.right} x2={side === 0 ? plot.left : plot.right} y1={plot.top} y2={plot.bottom} className="stroke-slate-500" />
            <rect x={side === 0 ? 4 : width - 14} y={8} width={10} height={10} className={barClass[side]} />
            <text x={side === 0 ? 18 : width - 18} y={17} textAnchor={side === 0 ? 'start' : 'end'} fontSize={fontSize} fontWeight={600} className={axisTextClass[side]}>
              {s.label}
            </text>
          </g>
        ))}
        {months.map((month, m) => {
          const groupLeft = plot.left + m * band + (band - 2 * barWidth) / 2;
          return (
            <g key={m}>
              {series.map((s, side) => {
                const value = Math.max(0, s.values[m] ?? 0);
                if (value === 0) return null; // A zero-height outlined bar would still draw a stray line.
                const y = axes[side]!.y(value);
                return (
                  <rect key={side} x={groupLeft + side * barWidth} y={y} width={barWidth} height={plot.bottom - y} className={barClass[side]}>
                    <title>{`${month}: ${s.label} ${format(value)}`}</title>
                  </rect>
                );
              })}
              {m % labelEvery === 0 && (
                <text x={plot.left + (m + 0.5) * band} y={plot.bottom + 18} textAnchor="middle" fontSize={fontSize} className="fill-slate-700">
                  {month}
                </text>
              )}
            </g>
          );
        })}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="stroke-slate-700" />
      </svg>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
        {series.map((s, side) => (
          <li key={side} className="flex items-center gap-2">
            <svg width="14" height="14" aria-hidden="true">
              <rect x="0.5" y="0.5" width="13" height="13" className={barClass[side]} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <figcaption className="mt-2 text-sm text-slate-700">{summary}</figcaption>
    </figure>
  );
}
