import { data } from 'react-router';
import type { ActorContext } from '../../server/context';
import { type CalendarEventInput, saveCalendarEvent } from '../../server/calendar/events';
import type { FormResult } from '../forms/validation';

/** Saves a validated event form; a domain refusal goes back next to its field. */
export async function saveEventForm(ctx: ActorContext, year: number, eventId: string | null, form: FormResult<CalendarEventInput>) {
  if (!form.ok) return { failed: data(form, { status: 400 }) } as const;
  const result = await saveCalendarEvent(ctx, year, eventId, form.data);
  if (!result.ok && result.error === 'notFound') throw data(null, { status: 404 });
  if (!result.ok) {
    return { failed: data({ ok: false as const, errors: { [result.field]: { key: result.error } }, values: form.data as unknown as Record<string, string> }, { status: 400 }) } as const;
  }
  return { id: result.id } as const;
}
