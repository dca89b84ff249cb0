import type { ReactNode } from 'react';

const tones = {
  ok: 'bg-green-100 text-ok-700 border-ok-700',
  warn: 'bg-amber-100 text-warn-700 border-warn-700',
  error: 'bg-red-100 text-error-700 border-error-700',
  neutral: 'bg-slate-100 text-slate-800 border-slate-600',
} as const;

/** Status in words and colour, never colour alone. */
export function StatusTag({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${tones[tone]}`}>{children}</span>;
}
