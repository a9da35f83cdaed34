import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: the guest's only key to their order, so it must not be guessable. */
export const newGuestToken = (): string => randomBytes(32).toString('base64url');

/** What the order keeps: the token's sha256, so a copy of the database opens no guest order. */
export const guestTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Whether `token` is the one whose hash the order keeps; constant-time, and false for an order without one. */
export function guestTokenMatches(token: string, stored: string | null): boolean {
  if (!stored) return false;
  const given = Buffer.from(guestTokenHash(token), 'hex');
  const kept = Buffer.from(stored, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}
