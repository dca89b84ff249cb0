import { randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
export const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The random characters of a code, before its check character. */
export const codeBodyLength = 15;

/** Luhn mod 32 over the code's characters: catches any one mistyped character and most swapped pairs. */
function checkCharacter(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const product = factor * codeAlphabet.indexOf(body[i]!);
    sum += Math.floor(product / 32) + (product % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return codeAlphabet[(32 - (sum % 32)) % 32]!;
}

/** A code of the given random characters (`codeBodyLength` of `codeAlphabet`) and their check character. */
export const withCheckCharacter = (body: string) => body + checkCharacter(body);

/** A new certificate code: 75 random bits (too many to guess) and a check character. */
export function newVerificationCode(): string {
  let body = '';
  for (let i = 0; i < codeBodyLength; i++) body += codeAlphabet[randomInt(32)];
  return withCheckCharacter(body);
}

/** "K7QF-3MZP-X2TA-9BHD": how the code is printed. */
export const formatVerificationCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

export type CodeReading = { ok: true; code: string } | { ok: false; reason: 'format' | 'mistyped' };

/**
 * Reads a typed or scanned code: case, spaces and dashes do not matter, and the letters people
 * confuse with digits (O, I, L) are read as the digits. A code whose check character does not
 * match was mistyped, which the page says instead of "unknown".
 */
export function readVerificationCode(input: string): CodeReading {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== codeBodyLength + 1 || [...code].some((c) => !codeAlphabet.includes(c))) return { ok: false, reason: 'format' };
  return checkCharacter(code.slice(0, codeBodyLength)) === code[codeBodyLength] ? { ok: true, code } : { ok: false, reason: 'mistyped' };
}
