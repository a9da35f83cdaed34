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
  return matchTotpStep(secret, code, nowMs) !== undefined;
}

/**
 * The 30-second step (seconds since the epoch / 30) whose code this is, within one step of `nowMs`,
 * or undefined. Recording the last step used lets a sign-in refuse the same code twice (RFC 6238 §5.2).
 */
export function matchTotpStep(secret: string, code: string, nowMs = Date.now()): number | undefined {
  const current = Math.floor(nowMs / 1000 / PERIOD_SECONDS);
  for (const step of [current + 1, current, current - 1]) {
    if (checkAt(secret, code, step * PERIOD_SECONDS * 1000)) return step;
  }
  return undefined;
}

function checkAt(secret: string, code: string, nowMs: number): boolean {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  try {
    return verifySync({ secret, token, epoch: Math.floor(nowMs / 1000), period: PERIOD_SECONDS, epochTolerance: 0 }).valid;
  } catch {
    // A secret that is not valid base32 (a corrupt row) must not turn a sign-in into a 500.
    return false;
  }
}
