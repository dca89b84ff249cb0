import { z } from 'zod';
import type { SessionKey } from '../../server/trainings/attendance';

/** A session in a form or address: "2027-03-02T18:00" (its date and start time). */
export const sessionField = z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/);
export const toSessionKey = (value: string): SessionKey => ({ date: value.slice(0, 10), start: value.slice(11) });
export const sessionParam = (session: SessionKey) => `${session.date}T${session.start}`;

export const attendanceListSchema = z.object({ intent: z.literal('list'), session: sessionField, present: z.array(z.uuid()).default([]) });

const groupCount = z
  .string()
  .trim()
  .refine((v) => /^\d{1,5}$/.test(v), { message: 'attendance.errors.invalidCount' });
export const attendanceCountsSchema = z.object({ intent: z.literal('counts'), session: sessionField, adults: groupCount, minors: groupCount });
export const attendanceModeSchema = z.object({ intent: z.literal('mode'), mode: z.enum(['list', 'counts']) });

/** The anonymous feedback form: a grade 1–5 and two optional comments. */
export const feedbackSchema = z.object({
  grade: z
    .string()
    .default('')
    .refine((v) => /^[1-5]$/.test(v), { message: 'feedback.errors.chooseGrade' }),
  good: z.string().trim().max(2000).default(''),
  improve: z.string().trim().max(2000).default(''),
});
