import { FinnishBusinessIds } from 'finnish-business-ids';

/** A Finnish business ID (Y-tunnus) with a correct check digit, in the form 1234567-8. */
export const isValidBusinessId = (value: string): boolean => /^\d{7}-\d$/.test(value) && FinnishBusinessIds.isValidBusinessId(value);

/** A valid business ID from the number n upwards (for fictional demo and generated data). */
export function businessIdFor(n: number): string {
  for (let candidate = n; ; candidate++) {
    const digits = String(candidate % 10_000_000).padStart(7, '0');
    const id = `${digits}-${FinnishBusinessIds.calculateChecksum(digits)}`;
    if (isValidBusinessId(id)) return id;
  }
}
