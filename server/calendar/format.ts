import { type Language, formatDate, translateDynamic } from '../../app/i18n';
import { type IsoDate, utcMidnight } from './dates';
import { windowShapes } from './template';
import type { WindowStatus } from './windows';
import type { CalendarEvent } from './year-calendar';

export const formatIsoDate = (language: Language, date: IsoDate) => formatDate(language, utcMidnight(date));

/** "13.3.2027–25.3.2027", or one day when it starts and ends on the same day. */
export function formatDateRange(language: Language, startsOn: IsoDate, endsOn: IsoDate): string {
  const start = formatIsoDate(language, startsOn);
  return startsOn === endsOn ? start : `${start}–${formatIsoDate(language, endsOn)}`;
}

/** "13.3.2027–25.3.2027", "1.12.2026 alkaen" or a single day, as the event's kind reads. */
export function formatEventDates(language: Language, event: Pick<CalendarEvent, 'window' | 'startsOn' | 'endsOn'>): string {
  if (event.window && windowShapes[event.window] === 'opening') return translateDynamic(language, 'calendar.fromDate', { date: formatIsoDate(language, event.startsOn) });
  return formatDateRange(language, event.startsOn, event.endsOn);
}

/** An event's title in the language, falling back to Finnish (the centre's own events may lack one). */
export function eventTitle(language: Language, event: Pick<CalendarEvent, 'window' | 'title'>): string {
  if (event.window) return translateDynamic(language, `calendar.windows.${event.window}`);
  return event.title[language] || event.title.fi;
}

/** The parameters of `calendar.windowClosed`: the window's name, its year and its periods there. */
export function windowClosedParams(language: Language, status: WindowStatus) {
  const periods = status.periods.map((p) => formatEventDates(language, { window: status.window, ...p })).join(', ');
  return {
    window: translateDynamic(language, `calendar.windows.${status.window}`),
    year: status.year,
    periods: periods || translateDynamic(language, 'calendar.noPeriods'),
  };
}

/** "Aikaikkuna ”Lisätuntien haku …” ei ole nyt auki. Vuonna 2027: 13.3.2027–25.3.2027, 14.8.2027–25.8.2027." */
export const windowClosedMessage = (language: Language, status: WindowStatus) =>
  translateDynamic(language, 'calendar.windowClosed', windowClosedParams(language, status));
