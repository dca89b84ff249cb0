import type { IsoDate } from './dates';

export const calendarWindows = ['expenseReportDeadline', 'additionalHours', 'hourProposals', 'grantDecisions', 'nextYearTrainings'] as const;
export type CalendarWindow = (typeof calendarWindows)[number];

/**
 * How a window's dates are read: a `period` is open from its first to its last day, a `deadline`
 * is its last day (reminders come before it) and an `opening` is open from its day onwards.
 */
export const windowShapes: Record<CalendarWindow, 'period' | 'deadline' | 'opening'> = {
  expenseReportDeadline: 'deadline',
  additionalHours: 'period',
  hourProposals: 'period',
  grantDecisions: 'period',
  nextYearTrainings: 'opening',
};

export interface TemplateEvent {
  window: CalendarWindow;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/** The defaults (product spec, from the 2023 seed) placed in the given year. */
export function templateEvents(year: number): TemplateEvent[] {
  const on = (monthDay: string) => `${year}-${monthDay}`;
  return [
    { window: 'expenseReportDeadline', startsOn: on('01-18'), endsOn: on('01-18') },
    { window: 'additionalHours', startsOn: on('03-13'), endsOn: on('03-25') },
    { window: 'additionalHours', startsOn: on('08-14'), endsOn: on('08-25') },
    { window: 'hourProposals', startsOn: on('10-01'), endsOn: on('10-31') },
    { window: 'grantDecisions', startsOn: on('11-01'), endsOn: on('11-30') },
    { window: 'nextYearTrainings', startsOn: on('12-01'), endsOn: on('12-01') },
  ];
}
