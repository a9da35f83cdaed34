import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signs development callers only; bootstrapService stops a production process that still uses it. */
export const DEVELOPMENT_CALLER_SIGNING_KEY = 'development-only-caller-signing-key-change-me-0123456789';

/**
 * How long a signed caller stays good. Long enough for a request to queue behind a busy handler and for
 * clocks of two pods to disagree a little; short enough that a captured header is soon worthless.
 */
export const CALLER_MAX_AGE_MS = 120_000;

const VERSION = 'v1';
let signingKey = DEVELOPMENT_CALLER_SIGNING_KEY;

/** Called by bootstrapService for every process; sibling of assertProductionSecret and assertProductionEncryptionKey. */
export function assertProductionCallerKey(service: string, config: { NODE_ENV: string; CALLER_SIGNING_KEY: string }): void {
  if (config.NODE_ENV === 'production' && config.CALLER_SIGNING_KEY === DEVELOPMENT_CALLER_SIGNING_KEY) {
    process.stderr.write(`${service}: CALLER_SIGNING_KEY must be set in production (with the public default anyone on NATS is anyone)\n`);
    process.exit(1);
  }
}

/** Set once at start-up from CALLER_SIGNING_KEY (bootstrapService); every process of a deployment shares it. */
export function configureCallerSigning(key: string): void {
  signingKey = key;
}

const mac = (data: string, key: string) => createHmac('sha256', key).update(data).digest('base64url');

/** `v1.<expiry ms, base36>.<payload>.<HMAC-SHA256 of the three before>`: who is calling, until when, and proof. */
export function signCallerPayload(payload: string, now = Date.now()): string {
  const signed = `${VERSION}.${(now + CALLER_MAX_AGE_MS).toString(36)}.${payload}`;
  return `${signed}.${mac(signed, signingKey)}`;
}

/** The payload of a header this deployment signed and that has not expired; undefined for anything else. */
export function verifiedCallerPayload(header: string, now = Date.now()): string | undefined {
  const parts = header.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return undefined;
  const [version, expiry, payload, signature] = parts;
  const expected = Buffer.from(mac(`${version}.${expiry}.${payload}`, signingKey));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const expiresAt = parseInt(expiry, 36);
  if (!Number.isFinite(expiresAt) || expiresAt < now) return undefined;
  return payload;
}

/** When a header verified by verifiedCallerPayload stops being valid (ms since the epoch). */
export function signedExpiry(header: string): number {
  return parseInt(header.split('.')[1], 36);
}
