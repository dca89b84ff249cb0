import { data } from 'react-router';
import { helsinkiDate, yearOf } from '../../server/calendar/dates';
import type { Clock } from '../../server/clock';

/** Calendars exist for these years; other year numbers are not found. */
const firstYear = 2000;
const lastYear = 2100;

export function requireYear(value: string | null | undefined): number {
  const year = value && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= firstYear && year <= lastYear)) throw data(null, { status: 404 });
  return year;
}

/** The `year` query parameter; when absent, this Helsinki year plus `offset` (decisions are for next year). */
export function yearParam(request: Request, clock: Clock, offset = 0): number {
  const raw = new URL(request.url).searchParams.get('year');
  return raw === null ? yearOf(helsinkiDate(clock.now())) + offset : requireYear(raw);
}
