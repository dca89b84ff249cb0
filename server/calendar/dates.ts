/** Calendar dates as ISO strings (YYYY-MM-DD): they compare correctly as text and carry no time zone. */
export type IsoDate = string;

const helsinkiParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/Helsinki calendar date of an instant, whatever the server's own time zone. */
export function helsinkiDate(instant: Date): IsoDate {
  const parts = Object.fromEntries(helsinkiParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day and month in another year; 29 February becomes the 28th in a common year. */
export function sameDayInYear(date: IsoDate, year: number): IsoDate {
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** For dates written into iCalendar and Intl: midnight UTC of the date keeps the day unchanged. */
export const utcMidnight = (date: IsoDate) => new Date(`${date}T00:00:00Z`);

const helsinkiOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', timeZoneName: 'longOffset' });

/** Minutes Helsinki is ahead of UTC at an instant (120 in winter, 180 in summer). */
function helsinkiOffsetMinutes(instant: Date): number {
  const name = helsinkiOffset.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const [, sign, hours, minutes] = /GMT([+-])(\d{2}):(\d{2})/.exec(name) ?? [];
  return sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
}

/** The instant of a Europe/Helsinki wall-clock time ("HH:MM") on a date, across daylight-saving changes. */
export function helsinkiInstant(date: IsoDate, time: string): Date {
  const asUtc = new Date(`${date}T${time}:00Z`).getTime();
  const first = asUtc - helsinkiOffsetMinutes(new Date(asUtc)) * 60_000;
  return new Date(asUtc - helsinkiOffsetMinutes(new Date(first)) * 60_000);
}
