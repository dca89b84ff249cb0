import type { z } from 'zod';
import { eventTitle } from '../../server/calendar/format';
import { windowShapes } from '../../server/calendar/template';
import type { CalendarEvent } from '../../server/calendar/year-calendar';
import type { FieldErrors } from '../forms/validation';
import { calendarEventSchema } from '../forms/calendar';
import { useI18n } from '../i18n/react';
import { SubmitButton, TextArea, TextField, ValidatedForm } from './forms';

type Values = Partial<Record<keyof z.infer<typeof calendarEventSchema>, string>>;

/**
 * Dates and notes of an event. An enforced window keeps its translated title; a deadline or an
 * opening day has one date; the centre's own events have titles in three languages.
 */
export function CalendarEventForm({ event, serverState }: { event: CalendarEvent | null; serverState: { errors: FieldErrors; values: Record<string, string> } | undefined }) {
  const { t, language } = useI18n();
  const shape = event?.window ? windowShapes[event.window] : 'custom';
  const oneDay = shape === 'deadline' || shape === 'opening';
  const labels = {
    startsOn: oneDay ? t('calendar.fields.date') : t('calendar.fields.startsOn'),
    endsOn: t('calendar.fields.endsOn'),
    titleFi: t('calendar.fields.titleFi'),
    titleSv: t('calendar.fields.titleSv'),
    titleEn: t('calendar.fields.titleEn'),
    descriptionFi: t('calendar.fields.descriptionFi'),
    descriptionSv: t('calendar.fields.descriptionSv'),
    descriptionEn: t('calendar.fields.descriptionEn'),
  };
  const values: Values = event
    ? {
        startsOn: event.startsOn,
        endsOn: event.endsOn,
        titleFi: event.title.fi,
        titleSv: event.title.sv,
        titleEn: event.title.en,
        descriptionFi: event.description.fi,
        descriptionSv: event.description.sv,
        descriptionEn: event.description.en,
      }
    : {};
  return (
    <ValidatedForm method="post" schema={calendarEventSchema} serverState={serverState} labels={labels}>
      <input type="hidden" name="intent" value="save" />
      {event?.window && <p className="mb-4 text-lg font-semibold">{eventTitle(language, event)}</p>}
      <TextField name="startsOn" type="date" label={labels.startsOn} defaultValue={values.startsOn} />
      {!oneDay && (
        <TextField
          name="endsOn"
          type="date"
          label={labels.endsOn}
          hint={shape === 'custom' ? t('calendar.fields.endsOnOptional') : undefined}
          defaultValue={values.endsOn}
          required={shape === 'period'}
        />
      )}
      {shape === 'custom' && (
        <>
          <TextField name="titleFi" label={labels.titleFi} defaultValue={values.titleFi} />
          <TextField name="titleSv" label={labels.titleSv} defaultValue={values.titleSv} required={false} />
          <TextField name="titleEn" label={labels.titleEn} defaultValue={values.titleEn} required={false} />
        </>
      )}
      <TextArea name="descriptionFi" label={labels.descriptionFi} defaultValue={values.descriptionFi} rows={3} />
      <TextArea name="descriptionSv" label={labels.descriptionSv} defaultValue={values.descriptionSv} rows={3} />
      <TextArea name="descriptionEn" label={labels.descriptionEn} defaultValue={values.descriptionEn} rows={3} />
      <SubmitButton>{t('calendar.saveEvent')}</SubmitButton>
    </ValidatedForm>
  );
}
