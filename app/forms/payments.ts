import { z } from 'zod';
import { paymentBatchStatuses } from '../../server/payments/kinds';
import { isIsoDate } from './dates';

const isoDate = z.string().trim().min(1).refine(isIsoDate, { message: 'forms.invalidDate' });

export const createBatchSchema = z.object({ intent: z.literal('create'), executionDate: isoDate });
export const markPaidSchema = z.object({ intent: z.literal('markPaid'), paidOn: isoDate });
export const cancelBatchSchema = z.object({ intent: z.literal('cancel'), reason: z.string().trim().min(1).max(1000) });

/** The batch list's query string; anything unknown falls back to every batch. */
export const batchFiltersSchema = z.object({ status: z.union([z.literal(''), z.enum(paymentBatchStatuses)]).catch('') });
