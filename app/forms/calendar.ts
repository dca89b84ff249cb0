import { z } from 'zod';
import { isIsoDate } from './dates';

const isoDate = z
  .string()
  .trim()
  .min(1)
  .refine(isIsoDate, {
    message: 'forms.invalidDate',
  });
const optionalDate = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || isoDate.safeParse(v).success, { message: 'forms.invalidDate' });
const title = z.string().trim().max(200).default('');
const description = z.string().trim().max(2000).default('');

export const calendarEventSchema = z
  .object({
    intent: z.literal('save'),
    startsOn: isoDate,
    endsOn: optionalDate,
    titleFi: title,
    titleSv: title,
    titleEn: title,
    descriptionFi: description,
    descriptionSv: description,
    descriptionEn: description,
  })
  .refine((v) => v.endsOn === '' || v.endsOn >= v.startsOn, { message: 'calendar.errors.endBeforeStart', path: ['endsOn'] });

export const createCalendarSchema = z.object({ intent: z.literal('create'), source: z.enum(['template', 'previousYear']) });
export const deleteCalendarEventSchema = z.object({ intent: z.literal('delete') });

export const feedSchema = z.object({ intent: z.enum(['create', 'revoke']) });

const subject = z.string().trim().max(200);
const body = z.string().trim().max(10_000);
export const announcementSchema = z
  .object({
    subjectFi: subject.min(1),
    subjectSv: subject.default(''),
    subjectEn: subject.default(''),
    bodyFi: body.min(1),
    bodySv: body.default(''),
    bodyEn: body.default(''),
    audience: z.enum(['allAdmins', 'organisations']),
    organisationIds: z.array(z.uuid()).max(5000).default([]),
  })
  // A translation is used only when both its subject and its text are written.
  .refine((v) => (v.subjectSv === '') === (v.bodySv === ''), { message: 'announcements.errors.translationIncomplete', path: ['bodySv'] })
  .refine((v) => (v.subjectEn === '') === (v.bodyEn === ''), { message: 'announcements.errors.translationIncomplete', path: ['bodyEn'] });
