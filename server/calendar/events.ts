import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import type { ActorContext } from '../context';
import { calendarEvents, calendarYears } from '../db/schema';
import type { Queryable } from '../db/types';
import { type IsoDate, yearOf } from './dates';
import { windowShapes } from './template';
import { type CalendarEvent, toCalendarEvent } from './year-calendar';

export interface CalendarEventInput {
  startsOn: IsoDate;
  /** Ignored for one-day windows (a deadline or an opening day); empty makes an own event one day. */
  endsOn: IsoDate | '';
  titleFi: string;
  titleSv: string;
  titleEn: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
}

export async function getCalendarEvent(db: Queryable, year: number, eventId: string): Promise<CalendarEvent | null> {
  const [row] = await db.select().from(calendarEvents).where(and(eq(calendarEvents.id, eventId), eq(calendarEvents.year, year)));
  return row ? toCalendarEvent(row) : null;
}

export type SaveEventResult =
  | { ok: true; id: string }
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'calendar.errors.outsideYear' | 'calendar.errors.titleRequired' | 'forms.required'; field: keyof CalendarEventInput };

/**
 * Adds one of the centre's own events (eventId null) or changes an event of a created year.
 * An enforced window keeps its title from the translations; only its dates and description change.
 */
export async function saveCalendarEvent(ctx: ActorContext, year: number, eventId: string | null, input: CalendarEventInput): Promise<SaveEventResult> {
  return ctx.db.transaction(async (tx) => {
    const [calendar] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year));
    if (!calendar) return { ok: false, error: 'notFound' };
    const [before] = eventId
      ? await tx.select().from(calendarEvents).where(and(eq(calendarEvents.id, eventId), eq(calendarEvents.year, year))).for('update')
      : [];
    if (eventId && !before) return { ok: false, error: 'notFound' };
    const window = before?.window ?? null;
    const shape = window === null ? 'custom' : windowShapes[window];
    if (shape === 'period' && input.endsOn === '') return { ok: false, error: 'forms.required', field: 'endsOn' };
    // A deadline or an opening is one day; the centre's own event is one when no end is given.
    const endsOn = shape === 'deadline' || shape === 'opening' || input.endsOn === '' ? input.startsOn : input.endsOn;
    if (yearOf(input.startsOn) !== year) return { ok: false, error: 'calendar.errors.outsideYear', field: 'startsOn' };
    if (yearOf(endsOn) !== year) return { ok: false, error: 'calendar.errors.outsideYear', field: 'endsOn' };
    if (window === null && input.titleFi === '') return { ok: false, error: 'calendar.errors.titleRequired', field: 'titleFi' };
    const titles = window === null ? { titleFi: input.titleFi, titleSv: input.titleSv, titleEn: input.titleEn } : {};
    const values = {
      startsOn: input.startsOn,
      endsOn,
      ...titles,
      descriptionFi: input.descriptionFi,
      descriptionSv: input.descriptionSv,
      descriptionEn: input.descriptionEn,
      updatedAt: ctx.clock.now(),
    };
    const [saved] = before
      ? await tx.update(calendarEvents).set(values).where(eq(calendarEvents.id, before.id)).returning()
      : await tx.insert(calendarEvents).values({ ...values, year }).returning();
    await writeAudit(tx, ctx.clock, {
      action: before ? 'calendar.eventChanged' : 'calendar.eventAdded',
      actorUserId: ctx.actor.userId,
      targetType: 'calendarEvent',
      targetId: saved!.id,
      details: {
        year,
        window,
        before: before ? { startsOn: before.startsOn, endsOn: before.endsOn, titleFi: before.titleFi } : null,
        after: { startsOn: values.startsOn, endsOn, titleFi: saved!.titleFi },
      },
    });
    return { ok: true, id: saved!.id };
  });
}

/** Removes one of the centre's own events; enforced windows cannot be removed, only moved. */
export async function deleteCalendarEvent(
  ctx: ActorContext,
  year: number,
  eventId: string,
): Promise<{ ok: true } | { ok: false; error: 'notFound' | 'calendar.errors.windowCannotBeDeleted' }> {
  return ctx.db.transaction(async (tx) => {
    const [event] = await tx.select().from(calendarEvents).where(and(eq(calendarEvents.id, eventId), eq(calendarEvents.year, year))).for('update');
    if (!event) return { ok: false, error: 'notFound' };
    if (event.window) return { ok: false, error: 'calendar.errors.windowCannotBeDeleted' };
    await tx.delete(calendarEvents).where(eq(calendarEvents.id, event.id));
    await writeAudit(tx, ctx.clock, {
      action: 'calendar.eventDeleted',
      actorUserId: ctx.actor.userId,
      targetType: 'calendarEvent',
      targetId: event.id,
      details: { year, startsOn: event.startsOn, endsOn: event.endsOn, titleFi: event.titleFi },
    });
    return { ok: true };
  });
}
