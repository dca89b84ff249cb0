import { isSEPACountry } from 'ibantools';
import { isValidBic, normaliseIban } from '../organisations/bank-account';

export type AccountProblem = 'missingIban' | 'invalidIban' | 'notSepa' | 'invalidBic';

/** Territories whose banks' BICs go with another country's IBANs (as the SEPA file library accepts them). */
const bicTerritories: Record<string, string[]> = { FI: ['AX'], FR: ['GF', 'GP', 'MQ', 'RE', 'PF', 'TF', 'YT', 'NC', 'BL', 'MF', 'PM', 'WF'], GB: ['IM', 'JE', 'GG'] };

/** A BIC's country (its 5th and 6th letters) must be the IBAN's, or the file for the bank cannot be written. */
const bicFitsIban = (bic: string, iban: string) => {
  const country = iban.slice(0, 2);
  const bicCountry = bic.slice(4, 6);
  return bicCountry === country || (bicTerritories[country] ?? []).includes(bicCountry);
};

/**
 * Why a support payment cannot go to this account, or null when it can: a SEPA credit transfer
 * needs a valid IBAN of a SEPA country; the BIC may be left out (IBAN only), but a given one must be valid
 * and of the IBAN's country.
 */
export function accountProblem(account: { iban: string; bic: string }): AccountProblem | null {
  if (!account.iban.trim()) return 'missingIban';
  const iban = normaliseIban(account.iban);
  if (!iban) return 'invalidIban';
  if (!isSEPACountry(iban.slice(0, 2))) return 'notSepa';
  const bic = account.bic.trim().toUpperCase();
  if (bic && (!isValidBic(bic) || !bicFitsIban(bic, iban))) return 'invalidBic';
  return null;
}
