import { z } from 'zod';
import { tableIds } from '../../server/statistics/tables';
import { topicClasses, trainingTypes } from '../../server/trainings/kinds';

const requiredYear = z
  .string()
  .trim()
  .refine((v) => /^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100, { message: 'statistics.errors.invalidYear' });
const year = requiredYear.optional();
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.literal(''), z.enum(values)]).optional();
const id = (message: string) => z.union([z.literal(''), z.uuid({ message })]).optional();

/** The statistics filters, as the page's GET form sends them; every one may be left out. */
export const statisticsFilterFields = {
  firstYear: year,
  lastYear: year,
  unit: id('statistics.errors.unknownUnit'),
  organisation: id('statistics.errors.unknownOrganisation'),
  type: choice(trainingTypes),
  topic: choice(topicClasses),
};

/** At most ten years at a time, the last not before the first. */
const checkRange = (data: { firstYear?: string | undefined; lastYear?: string | undefined }, ctx: z.RefinementCtx) => {
  if (data.firstYear && data.lastYear && (Number(data.lastYear) < Number(data.firstYear) || Number(data.lastYear) > Number(data.firstYear) + 9)) {
    ctx.addIssue({ code: 'custom', path: ['lastYear'], message: 'statistics.errors.invalidRange' });
  }
};

export const statisticsFilterSchema = z.object(statisticsFilterFields).superRefine(checkRange);

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A table's download: the page's filters, which table, and as what. */
export const statisticsExportSchema = z
  .object({ ...statisticsFilterFields, table: z.enum(tableIds), format: z.enum(exportFormats) })
  .superRefine(checkRange);

/** The yearly report to the education authorities: a year, and as what. */
export const authorityReportSchema = z.object({ year: requiredYear, format: z.enum(exportFormats).optional() });
