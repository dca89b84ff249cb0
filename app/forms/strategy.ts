import { z } from 'zod';
import type { StrategyContent } from '../../server/strategy/content';
import { filledRows } from './rows';

const column = z.array(z.string()).default([]);
const text = (max: number) => z.string().trim().max(max).default('');
export const targetColumns = ['targetText', 'targetMeasure', 'targetOwner', 'targetTimetable'] as const;
export const maxTargets = 30;
const columnLimits: Record<(typeof targetColumns)[number], number> = { targetText: 500, targetMeasure: 300, targetOwner: 200, targetTimetable: 200 };

/** The development target rows with their row numbers; a row left wholly empty is not a target. */
export const targetRows = (data: Record<(typeof targetColumns)[number], string[]>) =>
  filledRows(data, { target: 'targetText', measure: 'targetMeasure', owner: 'targetOwner', timetable: 'targetTimetable' });

/**
 * The strategy form: saving (by the button or automatically) and publishing send the same fields.
 * A draft may hold a target being written; a published version has each target whole.
 */
export const strategySchema = z
  .object({
    intent: z.enum(['save', 'autosave', 'publish']),
    /** When the draft the form was opened on was saved: a save over a newer one is refused. */
    draftSavedAt: z.iso.datetime({ offset: true }),
    purpose: text(10_000),
    currentState: text(10_000),
    challenges: text(10_000),
    targetGroups: text(5_000),
    qualityDevelopment: text(10_000),
    evaluation: text(10_000),
    targetText: column,
    targetMeasure: column,
    targetOwner: column,
    targetTimetable: column,
  })
  .superRefine((data, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const rows = targetRows(data);
    if (rows.length > maxTargets) issue('targetText', 'strategy.errors.tooManyTargets');
    for (const row of rows) {
      for (const columnName of targetColumns) {
        const value = (data[columnName][row.index] ?? '').trim();
        if (value.length > columnLimits[columnName]) issue(`${columnName}.${row.index}`, 'strategy.errors.tooLong');
        // Each published target has its measure, owner and timetable (the spec's four columns).
        else if (!value && data.intent === 'publish') issue(`${columnName}.${row.index}`, 'strategy.errors.targetPartMissing');
      }
    }
  });

export type StrategyFormData = z.infer<typeof strategySchema>;

export function toStrategyContent(data: StrategyFormData): StrategyContent {
  return {
    purpose: data.purpose,
    currentState: data.currentState,
    challenges: data.challenges,
    targets: targetRows(data).map(({ target, measure, owner, timetable }) => ({ target, measure, owner, timetable })),
    targetGroups: data.targetGroups,
    qualityDevelopment: data.qualityDevelopment,
    evaluation: data.evaluation,
  };
}

/** A new strategy's period: its first and last year, at most ten years. */
export const newStrategySchema = z
  .object({
    firstYear: z.string().trim().regex(/^\d{4}$/, { message: 'strategy.errors.invalidYear' }),
    lastYear: z.string().trim().regex(/^\d{4}$/, { message: 'strategy.errors.invalidYear' }),
  })
  .superRefine((data, ctx) => {
    const [first, last] = [Number(data.firstYear), Number(data.lastYear)];
    if (first < 2000 || first > 2100) ctx.addIssue({ code: 'custom', path: ['firstYear'], message: 'strategy.errors.invalidYear' });
    else if (last < first || last > first + 9) ctx.addIssue({ code: 'custom', path: ['lastYear'], message: 'strategy.errors.invalidPeriod' });
  });

export const strategyCommentSchema = z.object({ comment: z.string().trim().min(1).max(4000) });
