import { z } from 'zod';
import { regions, topicClasses, trainingModes, trainingSorts, trainingStatuses, trainingTypes } from '../../server/trainings/kinds';
import type { PlanInput } from '../../server/trainings/plans';
import { sessionMinutes } from '../../server/trainings/teaching-hours';
import { isIsoDate } from './dates';
import { hundredthsField } from './hours';
import { filledRows } from './rows';

const checkbox = z.enum(['yes']).optional();
const column = z.array(z.string()).default([]);
/** The session columns, one value per row; a row left wholly empty is not a session. */
export const sessionColumns = ['sessionDate', 'sessionStart', 'sessionEnd', 'sessionBreak', 'sessionPlace', 'sessionLink'] as const;
export const maxSessions = 60;

const time = /^([01]\d|2[0-3]):[0-5]\d$/;
const validLink = (v: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

type SessionColumns = Record<(typeof sessionColumns)[number], string[]>;

/** The filled-in session rows with their row numbers (0-based, as the fields are named). */
export const sessionRows = (data: SessionColumns) =>
  filledRows(data, { date: 'sessionDate', start: 'sessionStart', end: 'sessionEnd', breakMinutes: 'sessionBreak', place: 'sessionPlace', onlineLink: 'sessionLink' });

type SessionRow = ReturnType<typeof sessionRows>[number];

/** A session row's date and times: a real date, times as HH:MM, and some teaching time left after breaks. */
export function checkSessionTimes(row: SessionRow, issue: (field: string, message: string) => void) {
  const at = (column: string) => `${column}.${row.index}`;
  if (!isIsoDate(row.date)) issue(at('sessionDate'), 'trainings.errors.inisIsoDate');
  if (!time.test(row.start)) issue(at('sessionStart'), 'trainings.errors.invalidTime');
  if (!time.test(row.end)) issue(at('sessionEnd'), 'trainings.errors.invalidTime');
  if (!/^\d{0,3}$/.test(row.breakMinutes)) issue(at('sessionBreak'), 'trainings.errors.invalidBreak');
  else if (time.test(row.start) && time.test(row.end) && sessionMinutes({ start: row.start, end: row.end, breakMinutes: Number(row.breakMinutes) }) === null) {
    issue(at('sessionEnd'), 'trainings.errors.sessionTooShort');
  }
}

/** The session columns as a form's fields (one value per row). */
export const sessionColumnFields = () => Object.fromEntries(sessionColumns.map((c) => [c, column])) as Record<(typeof sessionColumns)[number], typeof column>;

export const planSchema = z
  .object({
    intent: z.literal('save'),
    unitId: z.uuid(),
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).default(''),
    type: z.enum(trainingTypes),
    mode: z.enum(trainingModes),
    topicClass: z.enum(topicClasses),
    targetGroup: z.string().trim().max(500).default(''),
    learningGoals: z.string().trim().max(3000).default(''),
    // An approved model the training is based on (its goals then come from the model); none when empty.
    modelVersionId: z.union([z.literal(''), z.uuid()]).default(''),
    plannedParticipants: z.string().trim().regex(/^\d{1,5}$/, { message: 'trainings.errors.invalidCount' }),
    responsibleName: z.string().trim().max(200).default(''),
    // Free when left empty.
    price: z.preprocess((v) => (v === '' ? '0' : v), hundredthsField('trainings.errors.invalidPrice')),
    noOtherStateFunding: checkbox,
    notSoldToCompanies: checkbox,
    noVocationalQualification: checkbox,
    isPublic: checkbox,
    // No limit when left empty.
    capacity: z.string().trim().regex(/^(|[1-9]\d{0,4})$/, { message: 'trainings.errors.invalidCapacity' }).default(''),
    registrationEndsOn: z.string().trim().max(10).refine((v) => v === '' || isIsoDate(v), { message: 'trainings.errors.inisIsoDate' }).default(''),
    region: z.union([z.literal(''), z.enum(regions)]).default(''),
    ...sessionColumnFields(),
  })
  .superRefine((data, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const rows = sessionRows(data);
    if (rows.length > maxSessions) issue('sessionDate', 'trainings.errors.tooManySessions');
    // Registration cannot go on after the training has ended.
    const last = rows.map((row) => row.date).filter(isIsoDate).sort().at(-1);
    if (data.registrationEndsOn && last && isIsoDate(data.registrationEndsOn) && data.registrationEndsOn > last) issue('registrationEndsOn', 'trainings.errors.deadlineAfterEnd');
    for (const row of rows) {
      const at = (column: string) => `${column}.${row.index}`;
      checkSessionTimes(row, issue);
      if (row.place.length > 200) issue(at('sessionPlace'), 'trainings.errors.placeTooLong');
      if (row.onlineLink && (row.onlineLink.length > 500 || !validLink(row.onlineLink))) issue(at('sessionLink'), 'trainings.errors.invalidLink');
      // Where people go: a place for on-site teaching, a link for online teaching.
      if (data.mode !== 'online' && !row.place) issue(at('sessionPlace'), 'trainings.errors.placeRequired');
      if (data.mode === 'online' && !row.onlineLink) issue(at('sessionLink'), 'trainings.errors.linkRequired');
    }
  });

export type PlanFormData = z.infer<typeof planSchema>;

/** The form as the domain takes it (validated: every row is a whole session). */
export function toPlanInput(data: PlanFormData): PlanInput {
  return {
    unitId: data.unitId,
    name: data.name,
    description: data.description,
    type: data.type,
    mode: data.mode,
    topicClass: data.topicClass,
    targetGroup: data.targetGroup,
    learningGoals: data.learningGoals,
    modelVersionId: data.modelVersionId || null,
    plannedParticipants: Number(data.plannedParticipants),
    responsibleName: data.responsibleName,
    priceCents: data.price,
    noOtherStateFunding: data.noOtherStateFunding === 'yes',
    notSoldToCompanies: data.notSoldToCompanies === 'yes',
    noVocationalQualification: data.noVocationalQualification === 'yes',
    isPublic: data.isPublic === 'yes',
    capacity: data.capacity ? Number(data.capacity) : null,
    registrationEndsOn: data.registrationEndsOn || null,
    region: data.region,
    sessions: sessionRows(data).map((row) => ({ date: row.date, start: row.start, end: row.end, breakMinutes: Number(row.breakMinutes || '0'), place: row.place, onlineLink: row.onlineLink })),
  };
}

export const submitPlanSchema = z.object({ intent: z.literal('submit') });
export const cancelPlanSchema = z.object({ intent: z.literal('cancel') });

const optionalUuid = z.union([z.literal(''), z.uuid()]).catch('');
/** The list's query string; anything unknown falls back to no filter. */
export const trainingFiltersSchema = z.object({
  year: z.union([z.literal('all'), z.string().regex(/^20\d{2}$/)]).optional().catch(undefined),
  organisationId: optionalUuid,
  unitId: optionalUuid,
  status: z.union([z.literal(''), z.enum(trainingStatuses)]).catch(''),
  type: z.union([z.literal(''), z.enum(trainingTypes)]).catch(''),
  q: z.string().trim().max(100).catch(''),
  sort: z.enum(trainingSorts).catch('startsOn'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
});
