import { z } from 'zod';
import { isIsoDate } from './dates';
import { genders, regions, topicClasses } from '../../server/trainings/kinds';
import type { ParticipantDetails } from '../../server/trainings/registration';

/** A participant's own fields, the same on the public registration and the trainer's forms (in the form's order). */
export const participantFields = (currentYear: number, email: z.ZodType<string>) => ({
  name: z.string().trim().min(1).max(200),
  email,
  birthYear: z
    .string()
    .trim()
    .refine((v) => /^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= currentYear, { message: 'participants.errors.invalidBirthYear' }),
  municipality: z.string().trim().min(1).max(100),
  gender: z.union([z.literal(''), z.enum(genders)]).default(''),
  firstTimeThisYear: z
    .string()
    .default('')
    .refine((v) => v === 'yes' || v === 'no', { message: 'participants.errors.chooseFirstTime' })
    .transform((v) => v as 'yes' | 'no'),
});

/** The public registration: an email for the confirmation and the cancel link, and consent to the privacy notice. */
export const registrationSchema = (currentYear: number) =>
  z.object({
    ...participantFields(currentYear, z.email().max(254)),
    consent: z
      .string()
      .default('')
      .refine((v) => v === 'yes', { message: 'publicCalendar.errors.consentRequired' }),
    /** Asked only on a training based on a model: consent to the study register entry a pass gives. */
    registerConsent: z.union([z.literal(''), z.literal('yes')]).default(''),
  });

/** The trainer adds one person; an email is optional (not everyone has one). */
export const addParticipantSchema = (currentYear: number) =>
  z.object({
    intent: z.literal('add'),
    ...participantFields(currentYear, z.union([z.literal(''), z.email().max(254)]).default('')),
  });


export const importParticipantsSchema = z.object({ intent: z.literal('import'), rows: z.string().max(200_000).default('') });
export const removeParticipantSchema = z.object({ intent: z.literal('remove'), participantId: z.uuid() });
export const promoteWaitingSchema = z.object({ intent: z.literal('promote') });

type ParticipantForm = { name: string; email: string; birthYear: string; municipality: string; gender: '' | (typeof genders)[number]; firstTimeThisYear: 'yes' | 'no' };

export function toParticipantDetails(data: ParticipantForm): ParticipantDetails {
  return {
    name: data.name,
    email: data.email.toLowerCase(),
    birthYear: Number(data.birthYear),
    municipality: data.municipality,
    gender: data.gender || null,
    firstTimeThisYear: data.firstTimeThisYear === 'yes',
  };
}

const isoDate = z.string().refine(isIsoDate);
const optionalUuid = z.union([z.literal(''), z.uuid()]).catch('');
/** The public calendar's query string; anything unknown falls back to no filter. */
export const publicCalendarFiltersSchema = z.object({
  q: z.string().trim().max(100).catch(''),
  region: z.union([z.literal(''), z.enum(regions)]).catch(''),
  topic: z.union([z.literal(''), z.enum(topicClasses)]).catch(''),
  from: z.union([z.literal(''), isoDate]).catch(''),
  to: z.union([z.literal(''), isoDate]).catch(''),
  online: z.enum(['', 'yes']).catch(''),
  organisation: optionalUuid,
});
