import { z } from 'zod';
import { costCategories, expenseReportStatuses } from '../../server/expenses/kinds';
import type { ReportContent } from '../../server/expenses/support';
import { filledRows } from './rows';
import { checkSessionTimes, maxSessions, sessionColumnFields, sessionRows } from './trainings';

const column = z.array(z.string()).default([]);
/** The cost item columns, one value per row; a row left wholly empty is not an item. */
export const costColumns = ['costCategory', 'costDescription', 'costAmount'] as const;
export const maxCostItems = 60;

/** Euros as people write them ("1 200,50", "35"), up to 999 999,99; empty is none. */
const euroText = /^\d{1,6}([,.]\d{1,2})?$/;
const withoutSpaces = (v: string) => v.replace(/[\s\u00a0\u202f]/g, '');
export const centsOf = (text: string): number => {
  const [whole, fraction = ''] = withoutSpaces(text).replace(',', '.').split('.');
  return Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
};
/** Euros as typed so far, for the live calculation: what is not (yet) an amount counts as nothing. */
export const typedCents = (text: string): number => (euroText.test(withoutSpaces(text)) ? centsOf(text) : 0);

const optionalEuros = z
  .string()
  .trim()
  .max(12)
  .default('')
  .refine((v) => v === '' || euroText.test(withoutSpaces(v)), { message: 'expenses.errors.invalidAmount' });

/** The filled-in cost rows with their row numbers (0-based, as the fields are named). */
export const costRows = (data: Record<(typeof costColumns)[number], string[]>) =>
  filledRows(data, { category: 'costCategory', description: 'costDescription', amount: 'costAmount' });

const reportFields = {
  ...sessionColumnFields(),
  costCategory: column,
  costDescription: column,
  costAmount: column,
  participantFees: optionalEuros,
  otherFunding: optionalEuros,
  otherFundingSource: z.string().trim().max(200).default(''),
  marketingDeclaration: z.enum(['yes']).optional(),
  notes: z.string().trim().max(2000).default(''),
};

type ReportFields = z.infer<z.ZodObject<typeof reportFields>>;

/** Every row whole: a session's date and times, a cost's category and amount; other funding names its source. */
function checkReport(data: ReportFields, ctx: z.RefinementCtx) {
  const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
  const sessions = sessionRows(data);
  if (sessions.length > maxSessions) issue('sessionDate', 'trainings.errors.tooManySessions');
  for (const row of sessions) checkSessionTimes(row, issue);
  const costs = costRows(data);
  if (costs.length > maxCostItems) issue('costCategory', 'expenses.errors.tooManyCosts');
  for (const row of costs) {
    if (!(costCategories as readonly string[]).includes(row.category)) issue(`costCategory.${row.index}`, 'expenses.errors.chooseCategory');
    if (row.description.length > 200) issue(`costDescription.${row.index}`, 'expenses.errors.descriptionTooLong');
    if (!euroText.test(withoutSpaces(row.amount))) issue(`costAmount.${row.index}`, 'expenses.errors.invalidAmount');
  }
  if (data.otherFunding && centsOf(data.otherFunding) > 0 && !data.otherFundingSource) issue('otherFundingSource', 'expenses.errors.fundingSourceRequired');
}

/** Saving a draft and submitting send the same fields; submitting also needs the declaration (checked by the domain too). */
export const reportSchema = z
  .object({ intent: z.enum(['save', 'submit']), ...reportFields })
  .superRefine((data, ctx) => {
    checkReport(data, ctx);
    if (data.intent === 'submit' && data.marketingDeclaration !== 'yes') ctx.addIssue({ code: 'custom', path: ['marketingDeclaration'], message: 'expenses.errors.declarationRequired' });
  });

export type ReportFormData = z.infer<typeof reportSchema>;

/** The form as the domain stores it (validated: every row is whole). */
export function toReportContent(data: Omit<ReportFormData, 'intent'>): ReportContent {
  return {
    sessions: sessionRows(data).map((row) => ({ date: row.date, start: row.start, end: row.end, breakMinutes: Number(row.breakMinutes || '0') })),
    costs: costRows(data).map((row) => ({ category: row.category as ReportContent['costs'][number]['category'], description: row.description, amountCents: centsOf(row.amount) })),
    participantFeesCents: data.participantFees ? centsOf(data.participantFees) : 0,
    otherFundingCents: data.otherFunding ? centsOf(data.otherFunding) : 0,
    otherFundingSource: data.otherFundingSource,
    marketingDeclaration: data.marketingDeclaration === 'yes',
    notes: data.notes,
  };
}

export const uploadReceiptSchema = z.object({ intent: z.literal('upload') });
export const removeReceiptSchema = z.object({ intent: z.literal('removeReceipt'), receiptId: z.uuid() });

const comment = (required: boolean) => (required ? z.string().trim().min(1).max(2000) : z.string().trim().max(2000).default(''));
export const approveSchema = z.object({ intent: z.literal('approve') });
export const returnSchema = z.object({ intent: z.literal('return'), comment: comment(true) });
export const rejectSchema = z.object({ intent: z.literal('reject'), comment: comment(true) });
export const checkReceiptsSchema = z.object({ intent: z.literal('checkReceipts') });
export const permitLateSchema = z.object({ intent: z.literal('permitLate'), comment: comment(false) });

const optionalUuid = z.union([z.literal(''), z.uuid()]).catch('');
const flag = z.enum(['1']).optional().catch(undefined);
/** The staff queue's query string; anything unknown falls back to no filter. */
export const reviewFiltersSchema = z.object({
  status: z.enum(expenseReportStatuses).catch('submitted'),
  organisationId: optionalUuid,
  year: z.union([z.literal(''), z.string().regex(/^20\d{2}$/)]).catch(''),
  late: flag,
  audit: flag,
});

/** Two versions to compare: ?from=1&to=2 (the last two when not given). */
export const versionPairSchema = z.object({
  from: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  to: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
