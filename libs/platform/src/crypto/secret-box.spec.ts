import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/env';
import { AppError } from '../errors/app-error';
import { DEVELOPMENT_ENCRYPTION_KEY, EncryptionConfig, encryptionKey, usesDevelopmentKeyInProduction } from './encryption-config';
import { decryptSecret, encryptSecret } from './secret-box';

const expectUnreadable = (fn: () => unknown) => {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppError);
  expect(thrown).toMatchObject({ kind: 'internal', code: 'PLATFORM.SECRET_UNREADABLE' });
};

/** Flips one bit of one base64url part of a box. */
const flip = (box: string, part: number): string => {
  const parts = box.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
};

describe('secret box (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('round-trips any text, with a fresh IV each time', () => {
    for (const plain of ['JBSWY3DPEHPK3PXP', '', 'päss wörd 🍄', 'x'.repeat(5000)]) {
      const box = encryptSecret(plain, key);
      expect(box).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/);
      expect(box).not.toContain(plain || '\u0000');
      expect(decryptSecret(box, key)).toBe(plain);
    }
    expect(encryptSecret('same', key)).not.toBe(encryptSecret('same', key));
  });

  it('detects a changed IV, tag or ciphertext, and a malformed box', () => {
    const box = encryptSecret('JBSWY3DPEHPK3PXP', key);
    for (const part of [1, 2, 3]) expectUnreadable(() => decryptSecret(flip(box, part), key));
    expectUnreadable(() => decryptSecret(box.replace(/^v1/, 'v2'), key));
    expectUnreadable(() => decryptSecret(box.split('.').slice(0, 3).join('.'), key));
    expectUnreadable(() => decryptSecret(`${box}.extra`, key));
    expectUnreadable(() => decryptSecret('JBSWY3DPEHPK3PXP', key));
    expectUnreadable(() => decryptSecret(box.replace(/\.[^.]+$/, '.!!'), key));
  });

  it('refuses a wrong key, and keys that are not 32 bytes', () => {
    const box = encryptSecret('JBSWY3DPEHPK3PXP', key);
    expectUnreadable(() => decryptSecret(box, randomBytes(32)));
    expect(() => encryptSecret('x', randomBytes(16))).toThrow(expect.objectContaining({ code: 'PLATFORM.BAD_ENCRYPTION_KEY' }));
    expect(() => decryptSecret(box, randomBytes(31))).toThrow(expect.objectContaining({ code: 'PLATFORM.BAD_ENCRYPTION_KEY' }));
  });
});

describe('ENCRYPTION_KEY', () => {
  it('defaults to a development key that production refuses', () => {
    const config = loadConfig(EncryptionConfig, {});
    expect(config.ENCRYPTION_KEY).toBe(DEVELOPMENT_ENCRYPTION_KEY);
    expect(encryptionKey(config)).toHaveLength(32);
    expect(usesDevelopmentKeyInProduction(config)).toBe(false);
    expect(usesDevelopmentKeyInProduction(loadConfig(EncryptionConfig, { NODE_ENV: 'production' }))).toBe(true);
    const own = randomBytes(32).toString('base64');
    expect(usesDevelopmentKeyInProduction(loadConfig(EncryptionConfig, { NODE_ENV: 'production', ENCRYPTION_KEY: own }))).toBe(false);
  });

  it('stops start-up for a key that is not 32 bytes of base64, naming the variable', () => {
    for (const bad of [randomBytes(16).toString('base64'), randomBytes(33).toString('base64'), 'not a key']) {
      expect(() => loadConfig(EncryptionConfig, { ENCRYPTION_KEY: bad })).toThrow(/ENCRYPTION_KEY/);
    }
  });
});
