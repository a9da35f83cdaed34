import { randomInt } from 'node:crypto';
import { safeEqual, sha256Hex } from './tokens';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const CODE_LENGTH = 8;

function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Lower case, no dash or spaces: "AB12-CD34 " and "ab12cd34" are the same code. */
function normalise(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}

/**
 * Single-use codes for when the authenticator is lost, shown once as `ab12-cd34`. Stored as
 * SHA-256 of the normalised code: each is 8 random characters from 36 (about 41 bits), not a
 * human choice, so there is no dictionary to run, and argon2 per code would make checking ten of
 * them on every use slow for nothing. A stolen list still only gives a second factor, which is
 * useless without the password.
 */
export function newBackupCodes(count = 10): { plain: string[]; hashed: string[] } {
  const plain = new Set<string>();
  while (plain.size < count) plain.add(randomCode());
  const codes = [...plain];
  return { plain: codes.map((c) => `${c.slice(0, 4)}-${c.slice(4)}`), hashed: codes.map((c) => sha256Hex(c)) };
}

/**
 * Checks `input` against the stored hashes. On success `remaining` lacks the used code: the caller
 * stores it, which is what makes each code work once. Every hash is compared, so the time taken
 * does not tell which position matched.
 */
export function consumeBackupCode(hashed: string[], input: string): { ok: boolean; remaining: string[] } {
  const code = normalise(input);
  if (code.length !== CODE_LENGTH || !/^[a-z0-9]+$/.test(code)) return { ok: false, remaining: hashed };
  const candidate = sha256Hex(code);
  let index = -1;
  hashed.forEach((h, i) => {
    if (safeEqual(h, candidate) && index < 0) index = i;
  });
  if (index < 0) return { ok: false, remaining: hashed };
  return { ok: true, remaining: hashed.filter((_, i) => i !== index) };
}
