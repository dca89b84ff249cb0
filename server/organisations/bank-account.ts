import { electronicFormatIBAN, friendlyFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';

/** Accepts an IBAN with or without spaces; answers its compact form, or null when the checksum fails. */
export function normaliseIban(value: string): string | null {
  const compact = electronicFormatIBAN(value.toUpperCase()) ?? '';
  return isValidIBAN(compact) ? compact : null;
}

export const displayIban = (compact: string) => friendlyFormatIBAN(compact) ?? compact;

export const isValidBic = (value: string) => isValidBIC(value.toUpperCase());
