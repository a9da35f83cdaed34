import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEVICE_CREDENTIAL_PREFIX } from '@suite/contracts/iot-telemetry';

/**
 * A device's bridge credential: `dk_<prefix>_<secret>`, 32 random bytes, shown once. Only its sha256 is stored: the
 * secret has full entropy, so a fast hash is enough (argon2 is for guessable passwords, and readings arrive thousands a second).
 */
export function newDeviceCredential(): { credential: string; hash: string; prefix: string } {
  const prefix = randomBytes(6).toString('base64url');
  const credential = `${DEVICE_CREDENTIAL_PREFIX}${prefix}_${randomBytes(32).toString('base64url')}`;
  return { credential, hash: hashCredential(credential), prefix };
}

export function hashCredential(credential: string): string {
  return createHash('sha256').update(credential, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented credential with the stored hash. */
export function credentialMatches(presented: unknown, storedHash: string): boolean {
  if (typeof presented !== 'string' || presented.length > 200) return false;
  const a = Buffer.from(hashCredential(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
