import { z } from 'zod';
import { hoursField } from './hours';

const optionalUnit = z.union([z.literal(''), z.uuid()]).default('');
const theme = z.string().trim().max(200).default('');
const justification = z.string().trim().max(2000).default('');
const checkbox = z.enum(['yes']).optional();

export const createProposalSchema = z.object({ intent: z.literal('create') });
export const proposalLineSchema = z.object({ intent: z.literal('addLine'), unitId: optionalUnit, theme, hours: hoursField, justification, delegated: checkbox });
export const submitProposalSchema = z.object({ intent: z.literal('submit') });
export const returnProposalSchema = z.object({ intent: z.literal('return'), reason: z.string().trim().min(1).max(2000) });
export const editLineSchema = proposalLineSchema.extend({ intent: z.literal('save') });
export const deleteLineSchema = z.object({ intent: z.literal('delete') });
export const fillLineSchema = z.object({ intent: z.literal('fill'), theme, hours: hoursField, justification, ready: checkbox });

const positiveHours = hoursField.refine((v) => v > 0, { message: 'hours.errors.positive' });
export const applySchema = z.object({ intent: z.literal('apply'), hours: positiveHours, justification: z.string().trim().min(1).max(2000) });
export const returnHoursSchema = z.object({ intent: z.literal('return'), hours: positiveHours, justification: z.string().trim().max(2000).default('') });
export const decideRequestSchema = z.object({ intent: z.literal('decide'), requestId: z.uuid(), hours: hoursField, reason: z.string().trim().max(2000).default('') });

/** A proposal line form's data as the domain takes it. */
export function toLineInput(data: { unitId: string; theme: string; hours: number; justification: string; delegated?: 'yes' | undefined }) {
  return { unitId: data.unitId || null, theme: data.theme, hundredths: data.hours, justification: data.justification, delegated: data.delegated === 'yes' };
}
