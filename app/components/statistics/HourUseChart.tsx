import { useId, type ReactNode } from 'react';
import { chartSize, niceMaximum, scaleY, tickCount, ticks } from './chart-scale';

export interface HourUseSeries {
  label: string;
  values: number[];
  style: 'solid' | 'dashed';
}

export interface HourUseChartProps {
  title: string;
  description: string;
  summary: string;
  months: string[];
  series: HourUseSeries[];
  grant: { label: string; value: number } | null;
  format: (value: number) => string;
}

const { width, height, fontSize } = chartSize;
const plot = { left: 60, right: width - 16, top: 24, bottom: height - 32 };
// Colour, marker shape and (from the caller) dash pattern all differ, so no series relies on colour alone.
const seriesLook = [
  { line: 'stroke-brand-900', marker: 'fill-brand-900', shape: 'circle' },
  { line: 'stroke-brand-600', marker: 'fill-brand-600', shape: 'square' },
  { line: 'stroke-slate-600', marker: 'fill-slate-600', shape: 'diamond' },
] as const;
const dashFor = { solid: undefined, dashed: '6 4' } as const;
// Dash-dot so the grant line differs from both series patterns.
const grantDash = '10 3 2 3';

function Marker({ shape, x, y, className, children }: { shape: (typeof seriesLook)[number]['shape']; x: number; y: number; className: string; children?: ReactNode }) {
  if (shape === 'circle') return <circle cx={x} cy={y} r={3.5} className={className}>{children}</circle>;
  if (shape === 'square') return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} className={className}>{children}</rect>;
  return <path d={`M${x} ${y - 4.5}L${x + 4.5} ${y}L${x} ${y + 4.5}L${x - 4.5} ${y}Z`} className={className}>{children}</path>;
}

/** Cumulative monthly values as lines against one axis, with the grant as a reference line the axis always reaches. */
export function HourUseChart({ title, description, summary, months, series, grant, format }: HourUseChartProps) {
  const titleId = useId();
  const descId = useId();
  const maximum = niceMaximum(Math.max(0, grant?.value ?? 0, ...series.flatMap((s) => s.values)));
  const y = scaleY(maximum, plot.bottom, plot.top);
  const band = (plot.right - plot.left) / Math.max(months.length, 1);
  // Points sit in the middle of their month so the first and last markers and labels stay inside the plot.
  const x = (month: number) => plot.left + (month + 0.5) * band;
  // The caller sends at most three series; one look each.
  const lines = series.slice(0, seriesLook.length).map((s, i) => ({ ...s, look: seriesLook[i]!, points: s.values.slice(0, months.length).map((value, m) => ({ value, x: x(m), y: y(value) })) }));
  const grantY = grant ? y(grant.value) : null;

  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="h-auto w-full max-w-3xl">
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {ticks(maximum, tickCount(maximum)).map((value) => (
          <g key={value}>
            <line x1={plot.left} x2={plot.right} y1={y(value)} y2={y(value)} className="stroke-slate-200" />
            <text x={plot.left - 6} y={y(value) + 4} textAnchor="end" fontSize={fontSize} className="fill-slate-700">
              {format(value)}
            </text>
          </g>
        ))}
        {months.map((month, m) => (
          <text key={m} x={x(m)} y={plot.bottom + 18} textAnchor="middle" fontSize={fontSize} className="fill-slate-700">
            {month}
          </text>
        ))}
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} className="stroke-slate-500" />
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="stroke-slate-700" />
        {grantY !== null && <line x1={plot.left} x2={plot.right} y1={grantY} y2={grantY} strokeWidth={2} strokeDasharray={grantDash} className="stroke-error-700" />}
        {lines.map((line, i) => (
          <g key={i}>
            <path d={line.points.map((p, m) => `${m === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join('')} fill="none" strokeWidth={2.5} strokeDasharray={dashFor[line.style]} className={line.look.line} />
            {line.points.map((p, m) => (
              <Marker key={m} shape={line.look.shape} x={p.x} y={p.y} className={line.look.marker}>
                <title>{`${months[m]}: ${line.label} ${format(p.value)}`}</title>
              </Marker>
            ))}
          </g>
        ))}
        {grant && grantY !== null && (
          // Drawn last with a white halo so the label stays readable where a line crosses it.
          <text x={plot.right} y={grantY - 6} textAnchor="end" fontSize={fontSize} fontWeight={600} strokeWidth={4} paintOrder="stroke" className="fill-error-700 stroke-white">
            {grant.label}
          </text>
        )}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
        {lines.map((line, i) => (
          <li key={i} className="flex items-center gap-2">
            <svg width="32" height="10" aria-hidden="true">
              <line x1="0" x2="32" y1="5" y2="5" strokeWidth={2.5} strokeDasharray={dashFor[line.style]} className={line.look.line} />
              <Marker shape={line.look.shape} x={16} y={5} className={line.look.marker} />
            </svg>
            {line.label}
          </li>
        ))}
        {grant && (
          <li className="flex items-center gap-2">
            <svg width="32" height="10" aria-hidden="true">
              <line x1="0" x2="32" y1="5" y2="5" strokeWidth={2} strokeDasharray={grantDash} className="stroke-error-700" />
            </svg>
            {grant.label}
          </li>
        )}
      </ul>
      <figcaption className="mt-2 text-sm text-slate-700">{summary}</figcaption>
    </figure>
  );
}
