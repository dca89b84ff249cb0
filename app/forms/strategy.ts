import { z } from 'zod';
import type { StrategyContent } from '../../server/strategy/content';

const column = z.array(z.string()).default([]);
const text = (max: number) => z.string().trim().max(max).default('');
export const targetColumns = ['targetText', 'targetMeasure', 'targetOwner', 'targetTimetable'] as const;
export const maxTargets = 30;
const columnLimits: Record<(typeof targetColumns)[number], number> = { targetText: 500, targetMeasure: 300, targetOwner: 200, targetTimetable: 200 };

/** The development target rows with their row numbers; a row left wholly empty is not a target. */
export function targetRows(data: Record<(typeof targetColumns)[number], string[]>) {
  const count = Math.max(...targetColumns.map((c) => data[c].length));
  const rows = [];
  for (let i = 0; i < count; i++) {
    const row = { index: i, target: data.targetText[i]?.trim() ?? '', measure: data.targetMeasure[i]?.trim() ?? '', owner: data.targetOwner[i]?.trim() ?? '', timetable: data.targetTimetable[i]?.trim() ?? '' };
    if (row.target || row.measure || row.owner || row.timetable) rows.push(row);
  }
  return rows;
}

/** The strategy form: saving (by the button or automatically) and publishing send the same fields. */
export const strategySchema = z
  .object({
    intent: z.enum(['save', 'autosave', 'publish']),
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
    const issue = (field: string, message: string, params?: Record<string, string>) => ctx.addIssue({ code: 'custom', path: [field], message, ...(params ? { params } : {}) });
    const rows = targetRows(data);
    if (rows.length > maxTargets) issue('targetText', 'strategy.errors.tooManyTargets');
    for (const row of rows) {
      // Each target has its measure, owner and timetable (the spec's four columns); a row is whole or empty.
      for (const columnName of targetColumns) {
        const value = (data[columnName][row.index] ?? '').trim();
        if (!value) issue(`${columnName}.${row.index}`, 'strategy.errors.targetPartMissing');
        else if (value.length > columnLimits[columnName]) issue(`${columnName}.${row.index}`, 'strategy.errors.tooLong');
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
