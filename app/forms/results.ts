import { z } from 'zod';

const justification = z.string().trim().max(2000).default('');

/** A participant's fields in the results form, named by their id. */
export const outcomeField = (participantId: string) => `outcome-${participantId}`;
export const justificationField = (participantId: string) => `justification-${participantId}`;

/** The trainer's results form for the participants not yet marked: a result each (or none yet), a failure justified. */
export function resultsSchema(participantIds: readonly string[]) {
  const shape: Record<string, z.ZodType> = { intent: z.literal('record') };
  for (const id of participantIds) {
    shape[outcomeField(id)] = z.enum(['', 'passed', 'failed']).default('');
    shape[justificationField(id)] = justification;
  }
  return z.object(shape).superRefine((form, ctx) => {
    const values = form as Record<string, string>;
    let marked = 0;
    for (const id of participantIds) {
      if (values[outcomeField(id)]) marked++;
      if (values[outcomeField(id)] === 'failed' && !values[justificationField(id)]) ctx.addIssue({ code: 'custom', path: [justificationField(id)], message: 'results.errors.justificationRequired' });
    }
    if (marked === 0) ctx.addIssue({ code: 'custom', path: ['_form'], message: 'results.errors.nothingMarked' });
  });
}

/** The admin's correction of one result: the new result, a failure's justification, and why it was corrected. */
export const correctResultSchema = z
  .object({
    intent: z.literal('correct'),
    participantId: z.uuid(),
    outcome: z.enum(['passed', 'failed']),
    justification,
    reason: z.string().trim().min(1).max(500),
  })
  .superRefine((form, ctx) => {
    if (form.outcome === 'failed' && !form.justification) ctx.addIssue({ code: 'custom', path: ['justification'], message: 'results.errors.justificationRequired' });
  });

export const verifySchema = z.object({ code: z.string().trim().min(1).max(40) });
export const portalSignInSchema = z.object({ intent: z.literal('signIn'), email: z.email().max(254) });
export const portalLanguageSchema = z.object({ intent: z.literal('language'), language: z.enum(['fi', 'sv', 'en']) });
export const portalConsentSchema = z.object({ intent: z.literal('consent'), participantId: z.uuid() });
export const portalWithdrawSchema = z.object({ intent: z.literal('withdraw') });
export const portalSignOutSchema = z.object({ intent: z.literal('signOut') });
