import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error';

/**
 * Secrets the services must read back (TOTP secrets, store credentials) are kept as
 * `v1.<iv>.<tag>.<ciphertext>`, each part base64url: AES-256-GCM with a fresh random 12-byte IV
 * per value, so equal secrets never look equal, and a 16-byte tag, so a changed byte is detected
 * instead of decrypting to garbage. The version names the scheme (and, later, the key) so old rows
 * stay readable when either changes; it is also authenticated, so it cannot be swapped.
 */
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
export const SECRET_BOX_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** One answer for a malformed box, a changed byte and a wrong key: none of them says which. */
const unreadable = () => new AppError('internal', 'PLATFORM.SECRET_UNREADABLE', 'A stored secret could not be decrypted.');

function checkKey(key: Uint8Array): void {
  if (key.length !== SECRET_BOX_KEY_BYTES) {
    throw new AppError('internal', 'PLATFORM.BAD_ENCRYPTION_KEY', `The encryption key must be ${SECRET_BOX_KEY_BYTES} bytes.`);
  }
}

export function encryptSecret(plain: string, key: Uint8Array): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(VERSION, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** The plain text of a box made by encryptSecret with the same key; AppError `internal` for anything else. */
export function decryptSecret(box: string, key: Uint8Array): string {
  checkKey(key);
  const parts = box.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION || !parts.slice(1).every((p) => BASE64URL.test(p))) throw unreadable();
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw unreadable();
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(VERSION, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw unreadable(); // final() throws when the tag does not match: tampered data or another key
  }
}
