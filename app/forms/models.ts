import { z } from 'zod';
import type { ModelContent } from '../../server/models/content';
import { type ActivityKind, activityKinds, isReading } from '../../server/models/workload';
import { toHundredths } from './centre';
import { filledRows } from './rows';

const column = z.array(z.string()).default([]);
export const activityColumns = ['activityKind', 'activityAmount', 'activityDescription'] as const;
export const maxActivities = 40;
export const maxOutcomes = 30;

/** Hours as people write them ("1,5"), up to 9999,99; pages as a whole number up to 99 999. */
const hoursText = /^\d{1,4}([,.]\d{1,2})?$/;
const pagesText = /^\d{1,5}$/;

/** The activity rows with their row numbers; a row left wholly empty is not an activity. */
export const activityRows = (data: Record<(typeof activityColumns)[number], string[]>) =>
  filledRows(data, { kind: 'activityKind', amount: 'activityAmount', description: 'activityDescription' });

/** An activity's amount as typed: hundredths of an hour, or pages; null when it is not (yet) one. */
export function typedAmount(kind: ActivityKind, text: string): number | null {
  const value = text.replace(/\s/g, '');
  if (isReading(kind)) return pagesText.test(value) ? Number(value) : null;
  return hoursText.test(value) ? toHundredths(value) : null;
}

export const outcomeLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);

const text = (max: number) => z.string().trim().max(max).default('');

/** Saving a draft and submitting send the same fields; what a submission must have the domain checks (and names). */
export const modelSchema = z
  .object({
    intent: z.enum(['save', 'submit']),
    name: text(200),
    targetGroup: text(500),
    outcomes: text(6000),
    content: text(6000),
    assessmentMethod: text(2000),
    assessmentCriteria: text(2000),
    activityKind: column,
    activityAmount: column,
    activityDescription: column,
  })
  .superRefine((data, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const outcomes = outcomeLines(data.outcomes);
    if (outcomes.length > maxOutcomes) issue('outcomes', 'models.errors.tooManyOutcomes');
    if (outcomes.some((o) => o.length > 300)) issue('outcomes', 'models.errors.outcomeTooLong');
    const rows = activityRows(data);
    if (rows.length > maxActivities) issue('activityKind', 'models.errors.tooManyActivities');
    for (const row of rows) {
      if (!(activityKinds as readonly string[]).includes(row.kind)) issue(`activityKind.${row.index}`, 'models.errors.chooseKind');
      else if (typedAmount(row.kind as ActivityKind, row.amount) === null) issue(`activityAmount.${row.index}`, isReading(row.kind as ActivityKind) ? 'models.errors.invalidPages' : 'models.errors.invalidHours');
      if (row.description.length > 200) issue(`activityDescription.${row.index}`, 'models.errors.descriptionTooLong');
    }
  });

export type ModelFormData = z.infer<typeof modelSchema>;

/** The form as the domain stores it (validated: every row is whole). */
export function toModelContent(data: ModelFormData): ModelContent {
  return {
    name: data.name,
    targetGroup: data.targetGroup,
    outcomes: outcomeLines(data.outcomes),
    content: data.content,
    assessmentMethod: data.assessmentMethod,
    assessmentCriteria: data.assessmentCriteria,
    activities: activityRows(data).map((row) => ({ kind: row.kind as ActivityKind, amount: typedAmount(row.kind as ActivityKind, row.amount)!, description: row.description })),
  };
}

const comment = (required: boolean) => (required ? z.string().trim().min(1).max(4000) : z.string().trim().max(4000).default(''));
export const modelCommentSchema = z.object({ intent: z.literal('comment'), comment: comment(true) });
export const startReviewSchema = z.object({ intent: z.literal('startReview') });
export const returnModelSchema = z.object({ intent: z.literal('return'), comment: comment(true) });
export const approveModelSchema = z.object({ intent: z.literal('approve'), comment: comment(false) });
export const rejectModelSchema = z.object({ intent: z.literal('reject'), comment: comment(true) });
export const newVersionSchema = z.object({ intent: z.literal('newVersion') });
