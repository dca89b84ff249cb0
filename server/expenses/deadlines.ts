import { type IsoDate, addDays } from '../calendar/dates';

/**
 * A report is due four weeks after the training's last session (later it is late but accepted), and
 * never after the January deadline: a training that ends in late December is due by that deadline.
 */
export const reportDueOn = (lastSessionOn: IsoDate, finalOn: IsoDate): IsoDate => {
  const fourWeeks = addDays(lastSessionOn, 28);
  return fourWeeks < finalOn ? fourWeeks : finalOn;
};

export interface ReportDeadlines {
  dueOn: IsoDate;
  /** The January deadline for the training year's reports (from the next year's calendar). */
  finalOn: IsoDate;
}

export type DeadlineStanding = 'onTime' | 'late' | 'closed';

/**
 * Where a first submission on `today` (Helsinki) stands: on time until the due day, late until the
 * January deadline (both days included), closed after it unless staff have allowed the report.
 */
export function deadlineStanding(deadlines: ReportDeadlines, today: IsoDate, latePermitted: boolean): DeadlineStanding {
  if (today > deadlines.finalOn && !latePermitted) return 'closed';
  return today <= deadlines.dueOn ? 'onTime' : 'late';
}
