import { generateSecret, generateURI, verifySync } from 'otplib';

/** RFC 6238 defaults, which every authenticator app uses: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;

/** 20 random bytes (160 bits, RFC 4226's recommendation), base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI that a QR code carries to the authenticator app. */
export function otpauthUri(options: { secret: string; accountName: string; issuer: string }): string {
  return generateURI({ issuer: options.issuer, label: options.accountName, secret: options.secret });
}

/**
 * True for the code of the current 30-second step or one step either side: phone clocks drift and
 * people type slowly. Anything that is not six digits is false; otplib would throw for it.
 * `nowMs` is for tests.
 */
export function verifyTotp(secret: string, code: string, nowMs = Date.now()): boolean {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  try {
    return verifySync({ secret, token, epoch: Math.floor(nowMs / 1000), period: PERIOD_SECONDS, epochTolerance: PERIOD_SECONDS }).valid;
  } catch {
    // A secret that is not valid base32 (a corrupt row) must not turn a sign-in into a 500.
    return false;
  }
}
