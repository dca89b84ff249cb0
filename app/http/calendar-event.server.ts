import { data } from 'react-router';
import type { ActorContext } from '../../server/context';
import { type CalendarEventInput, saveCalendarEvent } from '../../server/calendar/events';
import type { FormResult } from '../forms/validation';
import { fieldRefusal } from './form.server';

/** Saves a validated event form; a domain refusal goes back next to its field. */
export async function saveEventForm(ctx: ActorContext, year: number, eventId: string | null, form: FormResult<CalendarEventInput>) {
  if (!form.ok) return { failed: data(form, { status: 400 }) } as const;
  const result = await saveCalendarEvent(ctx, year, eventId, form.data);
  if (!result.ok && result.error === 'notFound') throw data(null, { status: 404 });
  if (!result.ok) {
    return { failed: fieldRefusal(result.field, { key: result.error }, form.values) } as const;
  }
  return { id: result.id } as const;
}
