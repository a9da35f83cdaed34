import { newNumericCode, newOpaqueToken, safeEqual, sha256Hex } from '../security';

/** The link in the verification mail works for a day: people open mail late. */
export const VERIFICATION_TOKEN_TTL_MS = 24 * 3600 * 1000;
/** Typed codes (verification and password reset) are short-lived: six digits are guessable given time. */
export const CODE_TTL_MS = 15 * 60 * 1000;
/** A new code is mailed at most this often per account, which also bounds guessing (5 tries per code). */
export const REISSUE_INTERVAL_MS = 60 * 1000;
/** The wrong code that reaches this count invalidates the code it was tried against. */
export const MAX_WRONG_CODES = 5;

export interface IssuedSecret {
  /** Goes into the mail only; never stored, returned or logged. */
  plain: string;
  /** What is stored (sha256 hex). */
  hash: string;
  expiresAt: Date;
}

export function issueCode(now = new Date()): IssuedSecret {
  const plain = newNumericCode(6);
  return { plain, hash: sha256Hex(plain), expiresAt: new Date(now.getTime() + CODE_TTL_MS) };
}

export function issueLinkToken(now = new Date()): IssuedSecret {
  const plain = newOpaqueToken(32);
  return { plain, hash: sha256Hex(plain), expiresAt: new Date(now.getTime() + VERIFICATION_TOKEN_TTL_MS) };
}

/** A stored secret: its hash and expiry, both null once consumed or invalidated. */
export interface StoredSecret {
  hash: string | null;
  expiresAt: Date | null;
}

/** True while the stored secret exists and has not expired. */
export function isLive(stored: StoredSecret, now = new Date()): stored is { hash: string; expiresAt: Date } {
  return stored.hash !== null && stored.expiresAt !== null && stored.expiresAt > now;
}

/** Whether `presented` is the live stored secret; compared in constant time. */
export function secretMatches(stored: StoredSecret, presented: string, now = new Date()): boolean {
  return isLive(stored, now) && safeEqual(sha256Hex(presented), stored.hash);
}

/**
 * Whether a code expiring at `expiresAt` was issued less than REISSUE_INTERVAL_MS ago. Every code
 * lives CODE_TTL_MS, so its expiry tells when it was issued and no extra column is needed.
 */
export function issuedRecently(expiresAt: Date | null, now = new Date()): boolean {
  if (!expiresAt) return false;
  const issuedAt = expiresAt.getTime() - CODE_TTL_MS;
  return now.getTime() - issuedAt < REISSUE_INTERVAL_MS;
}

export interface EmailVerificationSecrets {
  token: string;
  code: string;
  /** The User columns to write: hashes and expiries only. */
  data: {
    emailVerificationToken: string;
    emailVerificationTokenExpiry: Date;
    emailVerificationCode: string;
    emailVerificationCodeExpiry: Date;
  };
}

/** A link token and a code, issued together and sent in one message. */
export function newEmailVerification(now = new Date()): EmailVerificationSecrets {
  const token = issueLinkToken(now);
  const code = issueCode(now);
  return {
    token: token.plain,
    code: code.plain,
    data: {
      emailVerificationToken: token.hash,
      emailVerificationTokenExpiry: token.expiresAt,
      emailVerificationCode: code.hash,
      emailVerificationCodeExpiry: code.expiresAt,
    },
  };
}
