import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1);

/** A badge in three languages: Finnish required, Swedish and English fall back to it when left empty. */
export const badgeSchema = z.object({
  name_fi: required(120),
  name_sv: text(120).optional(),
  name_en: text(120).optional(),
  description_fi: required(2000),
  description_sv: text(2000).optional(),
  description_en: text(2000).optional(),
  criteria_fi: required(2000),
  criteria_sv: text(2000).optional(),
  criteria_en: text(2000).optional(),
  /** New badges only: a training model's badge, or (empty) one given by application. */
  modelId: z.union([z.literal(''), z.uuid()]).optional(),
});

export const applyBadgeSchema = z.object({
  badgeId: z.uuid(),
  justification: required(2000),
});

export const badgeDecisionSchema = z
  .object({
    intent: z.enum(['approve', 'reject']),
    reason: text(1000).optional(),
  })
  .refine((v) => v.intent !== 'reject' || Boolean(v.reason), { path: ['reason'], message: 'badges.reasonRequired' });

export const revokeBadgeSchema = z.object({ reason: required(1000) });

export const issuedFilterSchema = z.object({ badge: z.union([z.literal(''), z.uuid()]).optional() });

/** The public verification form: the credential pasted, or a baked image uploaded (read separately). */
export const verifyBadgeSchema = z.object({
  credential: text(20000).optional(),
  email: z.union([z.literal(''), z.email().max(254)]).optional(),
});
