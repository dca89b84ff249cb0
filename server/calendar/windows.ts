import type { DomainContext } from '../context';
import type { Queryable } from '../db/types';
import { type IsoDate, helsinkiDate, yearOf } from './dates';
import { type CalendarWindow, windowShapes } from './template';
import { yearCalendar } from './year-calendar';

/** The windows that open and close within a year; the expense-report deadline is asked by training year. */
export type YearWindow = Exclude<CalendarWindow, 'expenseReportDeadline'>;

export interface WindowPeriod {
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export interface WindowStatus {
  window: YearWindow;
  year: number;
  open: boolean;
  /** The year's periods of the window; an opening day is open until the end of its year. */
  periods: WindowPeriod[];
}

/**
 * Whether window W is open now: today's Europe/Helsinki date lies within one of its periods in this
 * year's calendar (the template while staff have not created the year). Both ends are whole days.
 */
export async function windowStatus(ctx: DomainContext, window: YearWindow): Promise<WindowStatus> {
  const today = helsinkiDate(ctx.clock.now());
  const year = yearOf(today);
  const calendar = await yearCalendar(ctx.db, year);
  const periods = calendar.events
    .filter((e) => e.window === window)
    .map((e) => ({ startsOn: e.startsOn, endsOn: windowShapes[window] === 'opening' ? `${year}-12-31` : e.endsOn }));
  return { window, year, open: periods.some((p) => p.startsOn <= today && today <= p.endsOn), periods };
}

export const isWindowOpen = async (ctx: DomainContext, window: YearWindow) => (await windowStatus(ctx, window)).open;

/**
 * The last day for expense reports of a training year. It falls in January of the next year, so it
 * is read from the next year's calendar, or from the template while that year has none.
 */
export async function expenseReportDeadline(db: Queryable, trainingYear: number): Promise<IsoDate> {
  const next = await yearCalendar(db, trainingYear + 1);
  const deadline = next.events.find((e) => e.window === 'expenseReportDeadline');
  // Staff cannot remove an enforced window, so a created year always has one; the template too.
  return deadline!.endsOn;
}
