import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** An unguessable token for links and refresh tokens: `bytes` random bytes, base64url (URL and header safe). */
export function newOpaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * How tokens are stored: a leaked table then holds nothing that can be presented. A fast hash is
 * enough because the tokens are random and long; there is nothing to guess from a dictionary.
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * A code to type in (email verification): `digits` decimal digits, every value equally likely and
 * leading zeros kept ("004217"). randomInt draws without modulo bias.
 */
export function newNumericCode(digits = 6): string {
  // randomInt's range must stay below 2^48.
  if (!Number.isInteger(digits) || digits < 1 || digits > 14) throw new RangeError('digits must be an integer from 1 to 14');
  return randomInt(0, 10 ** digits)
    .toString()
    .padStart(digits, '0');
}

/**
 * Compares two secrets in time that does not depend on where they differ, nor on the length of
 * the secret we hold. Both are hashed to 32 bytes first: timingSafeEqual needs equal lengths, and
 * returning early on a length mismatch would tell the length.
 */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb);
}
