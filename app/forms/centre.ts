import { z } from 'zod';
import { isValidBusinessId } from '../../server/organisations/business-id';
import { isValidBic, normaliseIban } from '../../server/organisations/bank-account';

const euros = z.string().trim().min(1).max(10).regex(/^\d{1,5}([,.]\d{1,2})?$/, { message: 'centre.invalidEuros' });
const hours = z.string().trim().min(1).max(8).regex(/^\d{1,4}([,.]\d{1,2})?$/, { message: 'centre.invalidHours' });
const count = z.string().trim().min(1).max(4).regex(/^\d{1,4}$/, { message: 'centre.invalidCount' });

export const centreSettingsSchema = z
  .object({
    intent: z.literal('settings'),
    name: z.string().trim().min(1).max(200),
    businessId: z.string().trim().min(1).max(9).refine(isValidBusinessId, { message: 'profile.invalidBusinessId' }),
    address: z.string().trim().max(300),
    iban: z.string().trim().max(42).refine((v) => v === '' || normaliseIban(v) !== null, { message: 'profile.invalidIban' }),
    bic: z.string().trim().max(11).refine((v) => v === '' || isValidBic(v), { message: 'profile.invalidBic' }),
  })
  .superRefine((value, ctx) => {
    if (value.iban && !value.bic) ctx.addIssue({ code: 'custom', path: ['bic'], message: 'profile.bicRequired' });
  });

/** Entered as people write them (35,00 € and 1,5 h); stored in cents and hundredths. */
const percent = z.string().trim().min(1).max(6).regex(/^(100([,.]0{1,2})?|\d{1,2}([,.]\d{1,2})?)$/, { message: 'centre.invalidPercent' });

export const supportRulesSchema = z.object({
  intent: z.literal('rules'),
  year: z.string().trim().regex(/^20\d{2}$/, { message: 'centre.invalidYear' }),
  hourlyRate: euros,
  costCapPercent: percent,
  peerGroupRate: euros,
  minTeachingHours: hours,
  minParticipants: count,
  minParticipantAge: count,
  peerMinMembers: count,
  peerMinHours: hours,
  /** Comma-separated; each word at least two letters. */
  forbiddenWords: z
    .string()
    .trim()
    .max(500)
    .transform((v) => [...new Set(v.split(/[,\n]/).map((w) => w.trim().toLocaleLowerCase('fi')).filter(Boolean))])
    .refine((words) => words.every((w) => /^[\p{L}-]{2,40}$/u.test(w)), { message: 'centre.invalidForbiddenWords' }),
  auditSharePercent: percent,
});

/** "35,5" → 3550: decimal text to hundredths without floating point. */
export function toHundredths(text: string): number {
  const [whole, fraction = ''] = text.replace(',', '.').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const newOrganisationSchema = z.object({
  name: z.string().trim().min(1).max(200),
  businessId: z.string().trim().min(1).max(9).refine(isValidBusinessId, { message: 'profile.invalidBusinessId' }),
  adminName: z.string().trim().min(1).max(200),
  adminEmail: z.string().trim().min(1).max(254).pipe(z.email()),
});
