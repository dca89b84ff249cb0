const weights = [7, 9, 10, 5, 8, 4, 2];

/** The check digit of a Finnish business ID (Y-tunnus), or null when no digit fits (remainder 1). */
export function businessIdCheckDigit(sevenDigits: string): number | null {
  const sum = [...sevenDigits].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  const remainder = sum % 11;
  if (remainder === 1) return null;
  return remainder === 0 ? 0 : 11 - remainder;
}

export function isValidBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value);
  return match !== null && businessIdCheckDigit(match[1]!) === Number(match[2]);
}

/** A valid business ID for the given number (used for fictional demo and generated data). */
export function businessIdFor(n: number): string {
  for (let candidate = n; ; candidate++) {
    const digits = String(candidate % 10_000_000).padStart(7, '0');
    const check = businessIdCheckDigit(digits);
    if (check !== null) return `${digits}-${check}`;
  }
}
