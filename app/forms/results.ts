import { z } from 'zod';

/**
 * The trainer's results form: a row per participant not yet marked (its id, a result or none yet,
 * and a failure's justification), the columns repeated in the rows' order.
 */
export const resultsSchema = z
  .object({
    intent: z.literal('record'),
    participantId: z.array(z.uuid()).max(1000).default([]),
    outcome: z.array(z.enum(['', 'passed', 'failed'])).default([]),
    justification: z.array(z.string().trim().max(2000)).default([]),
  })
  .superRefine((form, ctx) => {
    const rows = form.participantId.length;
    if (form.outcome.length !== rows || form.justification.length !== rows) {
      ctx.addIssue({ code: 'custom', path: ['_form'], message: 'forms.invalidValue' });
      return;
    }
    form.outcome.forEach((outcome, i) => {
      if (outcome === 'failed' && !form.justification[i]) ctx.addIssue({ code: 'custom', path: [`justification.${i}`], message: 'results.errors.justificationRequired' });
    });
    if (!form.outcome.some(Boolean)) ctx.addIssue({ code: 'custom', path: ['_form'], message: 'results.errors.nothingMarked' });
  });

/** The admin's correction of one result: the new result, a failure's justification, and why it was corrected. */
export const correctResultSchema = z
  .object({
    intent: z.literal('correct'),
    participantId: z.uuid(),
    outcome: z.enum(['passed', 'failed']),
    justification: z.string().trim().max(2000).default(''),
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
