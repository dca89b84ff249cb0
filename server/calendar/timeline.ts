import type { DomainContext } from '../context';
import { type IsoDate, helsinkiDate, yearOf } from './dates';
import { windowShapes } from './template';
import { type CalendarEvent, yearCalendars } from './year-calendar';

export type EventPhase = 'past' | 'now' | 'upcoming';

/** Where today stands to an event; an opening stays current until its year ends. */
export function eventPhase(event: Pick<CalendarEvent, 'window' | 'year' | 'startsOn' | 'endsOn'>, today: IsoDate): EventPhase {
  const end = event.window && windowShapes[event.window] === 'opening' ? `${event.year}-12-31` : event.endsOn;
  if (today < event.startsOn) return 'upcoming';
  return today > end ? 'past' : 'now';
}

/** For the front page: what is on now and the next few events, looking into next year's calendar too. */
export async function currentAndNextEvents(ctx: DomainContext, upcomingCount = 3) {
  const today = helsinkiDate(ctx.clock.now());
  const year = yearOf(today);
  const [thisYear, nextYear] = await yearCalendars(ctx.db, [year, year + 1]);
  const events = [...thisYear!.events, ...nextYear!.events];
  return {
    today,
    current: events.filter((e) => eventPhase(e, today) === 'now'),
    next: events.filter((e) => eventPhase(e, today) === 'upcoming').slice(0, upcomingCount),
  };
}
