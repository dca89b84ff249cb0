/** Shared geometry of the statistics charts: a wide viewBox that scales down with the page, and label size in its units. */
export const chartSize = { width: 720, height: 300, fontSize: 12 } as const;

const niceSteps = [1, 2, 2.5, 5, 10];

function magnitude(value: number): number {
  return 10 ** Math.floor(Math.log10(value));
}

/** Drops floating point noise such as 0.30000000000000004 so labels and comparisons stay exact. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** The smallest round number (1, 2, 2.5 or 5 × 10^n) at or above `max`; at least 1 so empty data still gets an axis. */
export function niceMaximum(max: number): number {
  if (!Number.isFinite(max) || max <= 1) return 1;
  const scale = magnitude(max);
  // The tolerance keeps sums like 250.00000000000003 from jumping to the next step.
  const step = niceSteps.find((s) => s * scale >= max * (1 - 1e-12)) ?? 10;
  return clean(step * scale);
}

/** `count` evenly spaced intervals from 0 to `maximum`, both ends included. */
export function ticks(maximum: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => clean((maximum * i) / count));
}

/**
 * Interval count that gives round steps for every given nice maximum: 1 and 2 divide well into four,
 * 2.5 and 5 only into five (five also suits 1 and 2, so it is the common choice when axes share gridlines).
 */
export function tickCount(...maxima: number[]): number {
  return maxima.every((m) => [10, 20].includes(Math.round((m / magnitude(m)) * 10))) ? 4 : 5;
}

/** Maps 0..maximum onto the vertical pixel range bottom..top, clamping values outside it. */
export function scaleY(maximum: number, bottom: number, top: number): (value: number) => number {
  return (value) => bottom - (Math.min(Math.max(value, 0), maximum) / maximum) * (bottom - top);
}
