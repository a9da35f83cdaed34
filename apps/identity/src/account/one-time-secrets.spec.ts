import { sha256Hex } from '../security';
import {
  CODE_TTL_MS,
  isLive,
  issueCode,
  issuedRecently,
  issueLinkToken,
  newEmailVerification,
  REISSUE_INTERVAL_MS,
  secretMatches,
  VERIFICATION_TOKEN_TTL_MS,
} from './one-time-secrets';

describe('one-time secrets', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');

  it('issues 6-digit codes valid 15 minutes and link tokens valid 24 hours, storing only their sha256', () => {
    const code = issueCode(now);
    expect(code.plain).toMatch(/^\d{6}$/);
    expect(code.hash).toBe(sha256Hex(code.plain));
    expect(code.expiresAt.getTime() - now.getTime()).toBe(CODE_TTL_MS);
    const token = issueLinkToken(now);
    expect(token.plain).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token.hash).toBe(sha256Hex(token.plain));
    expect(token.expiresAt.getTime() - now.getTime()).toBe(VERIFICATION_TOKEN_TTL_MS);
    expect(CODE_TTL_MS).toBe(15 * 60_000);
    expect(VERIFICATION_TOKEN_TTL_MS).toBe(24 * 3600_000);
  });

  it('makes the verification columns from one token and one code, with hashes only', () => {
    const v = newEmailVerification(now);
    expect(v.data).toEqual({
      emailVerificationToken: sha256Hex(v.token),
      emailVerificationTokenExpiry: new Date(now.getTime() + VERIFICATION_TOKEN_TTL_MS),
      emailVerificationCode: sha256Hex(v.code),
      emailVerificationCodeExpiry: new Date(now.getTime() + CODE_TTL_MS),
    });
    expect(JSON.stringify(v.data)).not.toContain(v.token);
  });

  it('matches only the live stored secret', () => {
    const stored = { hash: sha256Hex('123456'), expiresAt: new Date(now.getTime() + 1000) };
    expect(secretMatches(stored, '123456', now)).toBe(true);
    expect(secretMatches(stored, '123457', now)).toBe(false);
    expect(secretMatches(stored, '123456', new Date(now.getTime() + 1000))).toBe(false); // expired at the instant of expiry
    expect(secretMatches({ hash: null, expiresAt: null }, '123456', now)).toBe(false); // consumed
    expect(secretMatches({ hash: stored.hash, expiresAt: null }, '123456', now)).toBe(false);
    expect(isLive(stored, now)).toBe(true);
    expect(isLive({ hash: null, expiresAt: stored.expiresAt }, now)).toBe(false);
  });

  it('tells from the expiry whether a code was issued within the last minute', () => {
    const justIssued = new Date(now.getTime() + CODE_TTL_MS);
    expect(issuedRecently(justIssued, now)).toBe(true);
    expect(issuedRecently(justIssued, new Date(now.getTime() + REISSUE_INTERVAL_MS - 1))).toBe(true);
    expect(issuedRecently(justIssued, new Date(now.getTime() + REISSUE_INTERVAL_MS))).toBe(false);
    expect(issuedRecently(null, now)).toBe(false);
    expect(issuedRecently(new Date(now.getTime() - 1000), now)).toBe(false); // expired long ago
  });
});
