import { z } from 'zod';
import { accountProblem } from '../../server/payments/account';
import { isValidBusinessId } from '../../server/organisations/business-id';
import { isValidBic, normaliseIban } from '../../server/organisations/bank-account';

const optional = (max: number) => z.string().trim().max(max);
const optionalMatching = (max: number, pattern: RegExp, message: string) =>
  optional(max).refine((v) => v === '' || pattern.test(v), { message });

const profileFields = z.object({
    name: z.string().trim().min(1).max(200),
    businessId: z.string().trim().min(1).max(9).refine(isValidBusinessId, { message: 'profile.invalidBusinessId' }),
    streetAddress: optional(200),
    postalCode: optionalMatching(5, /^\d{5}$/, 'profile.invalidPostalCode'),
    city: optional(100),
    contactName: optional(200),
    contactEmail: optional(254).refine((v) => v === '' || z.email().safeParse(v).success, { message: 'forms.invalidEmail' }),
    contactPhone: optionalMatching(30, /^\+?[0-9 ()-]{5,30}$/, 'profile.invalidPhone'),
    website: optionalMatching(300, /^https?:\/\/[^\s]+\.[^\s]+$/, 'profile.invalidWebsite'),
    iban: optional(42).refine((v) => v === '' || normaliseIban(v) !== null, { message: 'profile.invalidIban' }),
    bic: optional(11).refine((v) => v === '' || isValidBic(v), { message: 'profile.invalidBic' }),
    membershipStart: optionalMatching(10, /^\d{4}-\d{2}-\d{2}$/, 'profile.invalidDate'),
    internalRules: optional(20_000),
    /** Only centre staff may set it. */
    centreContactUserId: z.union([z.literal(''), z.uuid()]),
});

/** An account must be able to receive the support: a SEPA country's IBAN, with a BIC of the same country. */
function bicWithIban(value: { iban: string; bic: string }, ctx: z.RefinementCtx) {
  if (value.iban && !value.bic) ctx.addIssue({ code: 'custom', path: ['bic'], message: 'profile.bicRequired' });
  if (!value.iban || !value.bic || !normaliseIban(value.iban) || !isValidBic(value.bic)) return;
  const problem = accountProblem(value);
  if (problem === 'notSepa') ctx.addIssue({ code: 'custom', path: ['iban'], message: 'profile.ibanNotSepa' });
  if (problem === 'invalidBic') ctx.addIssue({ code: 'custom', path: ['bic'], message: 'profile.bicCountry' });
}

/** The profile form of centre staff; the same schema checks it in the browser and on the server. */
export const organisationProfileSchema = profileFields.superRefine(bicWithIban);
/** The org admin's form has no centre contact field: sending one is an unknown field. */
export const ownOrganisationProfileSchema = profileFields.omit({ centreContactUserId: true }).superRefine(bicWithIban);

export type OrganisationProfileInput = z.infer<typeof ownOrganisationProfileSchema> & { centreContactUserId?: string };
