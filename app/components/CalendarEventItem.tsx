import type { ReactNode } from 'react';
import { eventTitle, formatEventDates } from '../../server/calendar/format';
import type { EventPhase } from '../../server/calendar/timeline';
import type { CalendarEvent } from '../../server/calendar/year-calendar';
import { useI18n } from '../i18n/react';
import { StatusTag } from './StatusTag';

const phaseTones = { past: 'neutral', now: 'ok', upcoming: 'warn' } as const;

/** One event of the annual calendar: dates, title, whether it is on, and the centre's notes. */
export function CalendarEventItem({
  event,
  phase,
  headingLevel = 3,
  children,
}: {
  event: CalendarEvent;
  phase: EventPhase;
  /** The level under the list's own heading (3 on the timeline, 4 under the front page's subheadings). */
  headingLevel?: 3 | 4;
  children?: ReactNode;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const { t, language } = useI18n();
  const description = event.description[language] || event.description.fi;
  return (
    <li className="rounded border border-slate-300 bg-white p-3">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold tabular-nums">{formatEventDates(language, event)}</span>
        <StatusTag tone={phaseTones[phase]}>{t(`calendar.phase.${phase}`)}</StatusTag>
      </p>
      <Heading className="my-1 text-lg font-semibold">{eventTitle(language, event)}</Heading>
      {event.window && <p className="text-sm text-slate-700">{t(`calendar.instructions.${event.window}`)}</p>}
      {description && <p className="mt-1 whitespace-pre-line">{description}</p>}
      {children}
    </li>
  );
}
