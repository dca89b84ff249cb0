import { isSEPACountry } from 'ibantools';
import { isValidBic, normaliseIban } from '../organisations/bank-account';

export type AccountProblem = 'missingIban' | 'invalidIban' | 'notSepa' | 'invalidBic';

/**
 * Why a support payment cannot go to this account, or null when it can: a SEPA credit transfer
 * needs a valid IBAN of a SEPA country; the BIC may be left out (IBAN only), but a given one must be valid.
 */
export function accountProblem(account: { iban: string; bic: string }): AccountProblem | null {
  if (!account.iban.trim()) return 'missingIban';
  const iban = normaliseIban(account.iban);
  if (!iban) return 'invalidIban';
  if (!isSEPACountry(iban.slice(0, 2))) return 'notSepa';
  if (account.bic.trim() && !isValidBic(account.bic.trim())) return 'invalidBic';
  return null;
}
