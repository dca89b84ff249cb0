import type { ReactNode } from 'react';

const tones = {
  ok: 'border-ok-700 text-ok-700',
  warn: 'border-warn-700 text-warn-700',
  error: 'border-error-700 text-error-700',
} as const;

/** A message after an action: announced to screen readers, with words carrying the meaning. */
export function Notice({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`mb-4 border-l-4 bg-white p-3 font-semibold ${tones[tone]}`}>
      {children}
    </div>
  );
}
