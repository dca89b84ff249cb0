import { asc, eq, inArray } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import type { ActorContext } from '../context';
import { calendarEvents, calendarYears } from '../db/schema';
import type { Queryable } from '../db/types';
import { type IsoDate, sameDayInYear } from './dates';
import { type CalendarWindow, templateEvents } from './template';

export interface Texts {
  fi: string;
  sv: string;
  en: string;
}

export interface CalendarEvent {
  /** Null for a template event of a year that has no calendar yet. */
  id: string | null;
  year: number;
  window: CalendarWindow | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
  title: Texts;
  description: Texts;
}

export interface YearCalendar {
  year: number;
  /** False when centre staff have not created the year: its events are the template's. */
  stored: boolean;
  events: CalendarEvent[];
}

const noText: Texts = { fi: '', sv: '', en: '' };

type EventRow = typeof calendarEvents.$inferSelect;
export const toCalendarEvent = (row: EventRow): CalendarEvent => ({
  id: row.id,
  year: row.year,
  window: row.window,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  title: { fi: row.titleFi, sv: row.titleSv, en: row.titleEn },
  description: { fi: row.descriptionFi, sv: row.descriptionSv, en: row.descriptionEn },
});

const byDate = (a: CalendarEvent, b: CalendarEvent) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn);

/** The years' events by date: each year's stored calendar, or the template while staff have not created one. */
export async function yearCalendars(db: Queryable, years: number[]): Promise<YearCalendar[]> {
  const [storedYears, rows] = await Promise.all([
    db.select({ year: calendarYears.year }).from(calendarYears).where(inArray(calendarYears.year, years)),
    db.select().from(calendarEvents).where(inArray(calendarEvents.year, years)),
  ]);
  const stored = new Set(storedYears.map((r) => r.year));
  return years.map((year) => {
    if (!stored.has(year)) {
      const events = templateEvents(year).map((e) => ({ id: null, year, ...e, title: noText, description: noText }));
      return { year, stored: false, events };
    }
    return { year, stored: true, events: rows.filter((r) => r.year === year).map(toCalendarEvent).sort(byDate) };
  });
}

export const yearCalendar = async (db: Queryable, year: number): Promise<YearCalendar> => (await yearCalendars(db, [year]))[0]!;

export async function storedCalendarYears(db: Queryable): Promise<number[]> {
  const rows = await db.select({ year: calendarYears.year }).from(calendarYears).orderBy(asc(calendarYears.year));
  return rows.map((r) => r.year);
}

export type CalendarSource = 'template' | 'previousYear';
export type CreateCalendarResult = { ok: true } | { ok: false; error: 'calendar.errors.exists' | 'calendar.errors.noPreviousYear' };

/** Creates a year's calendar from the template or by moving the previous year's events a year on. */
export async function createYearCalendar(ctx: ActorContext, year: number, source: CalendarSource): Promise<CreateCalendarResult> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    let events: Omit<typeof calendarEvents.$inferInsert, 'year' | 'updatedAt'>[] = templateEvents(year);
    if (source === 'previousYear') {
      const [previousYear] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year - 1));
      if (!previousYear) return { ok: false, error: 'calendar.errors.noPreviousYear' };
      const previous = await tx.select().from(calendarEvents).where(eq(calendarEvents.year, year - 1));
      events = previous.map(({ id: _id, year: _year, updatedAt: _updatedAt, ...rest }) => ({
        ...rest,
        startsOn: sameDayInYear(rest.startsOn, year),
        endsOn: sameDayInYear(rest.endsOn, year),
      }));
    }
    const inserted = await tx.insert(calendarYears).values({ year, createdAt: now, createdBy: ctx.actor.userId }).onConflictDoNothing().returning();
    if (inserted.length === 0) return { ok: false, error: 'calendar.errors.exists' };
    if (events.length) await tx.insert(calendarEvents).values(events.map((e) => ({ ...e, year, updatedAt: now })));
    await writeAudit(tx, ctx.clock, {
      action: 'calendar.created',
      actorUserId: ctx.actor.userId,
      targetType: 'calendarYear',
      targetId: String(year),
      details: { source, events: events.length },
    });
    return { ok: true };
  });
}
