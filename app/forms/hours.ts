import { z } from 'zod';

/**
 * A decimal number as people write it ("120", "12,5", "0.25", "1 200") into hundredths: hours or
 * euros; up to 999 999 with at most two decimals.
 */
export const hundredthsField = (message: string) =>
  z
    .string()
    // Spaces people type as thousands separators (also no-break ones) are not part of the number.
    .transform((v) => v.replace(/[\s\u00a0\u202f]/g, ''))
    .pipe(z.string().min(1).max(12))
    .refine((v) => /^\d{1,6}([,.]\d{1,2})?$/.test(v), { message })
    .transform((v) => {
      const [whole, fraction = ''] = v.replace(',', '.').split('.');
      return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    });

export const hoursField = hundredthsField('hours.errors.invalidHours');

const reason = z.string().trim().max(500).default('');

export const budgetSchema = z.object({ intent: z.literal('budget'), hours: hoursField, reason });
export const publishAllSchema = z.object({ intent: z.literal('publishAll') });
export const decisionSchema = z.object({ intent: z.literal('save'), hours: hoursField, decisionText: z.string().trim().max(5000).default('') });
export const publishSchema = z.object({ intent: z.literal('publish') });
export const peerQuotaSchema = z.object({ intent: z.literal('quota'), hours: hoursField, reason });
export const allocationSchema = z.object({
  intent: z.enum(['allocate', 'takeBack']),
  unitId: z.uuid(),
  hours: hoursField.refine((v) => v > 0, { message: 'hours.errors.positive' }),
  reason,
});
