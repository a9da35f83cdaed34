import { generateSync } from 'otplib';
import { matchTotpStep, newTotpSecret, otpauthUri, verifyTotp } from './totp';

describe('TOTP', () => {
  const secret = newTotpSecret();
  // Mid-step, so "one step" means exactly one step whichever way the tolerance window falls.
  const now = (Math.floor(Date.now() / 30000) * 30 + 15) * 1000;
  const codeAt = (stepsAgo: number) => generateSync({ secret, epoch: now / 1000 - stepsAgo * 30 });

  it('makes a base32 secret of 160 bits and an otpauth URI for it', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri({ secret, accountName: 'marie@example.com', issuer: 'Suite' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Suite:marie@example.com');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Suite');
  });

  it('accepts the current, the previous and the next step', () => {
    expect(verifyTotp(secret, codeAt(0), now)).toBe(true);
    expect(verifyTotp(secret, codeAt(1), now)).toBe(true);
    expect(verifyTotp(secret, codeAt(-1), now)).toBe(true);
    expect(verifyTotp(secret, ` ${codeAt(0).slice(0, 3)} ${codeAt(0).slice(3)} `, now)).toBe(true);
  });

  it('rejects older codes and garbage without throwing', () => {
    const old = codeAt(3);
    // A 1-in-a-million chance that the old code equals a current one; then the test proves nothing.
    if (![0, 1, -1].some((s) => codeAt(s) === old)) expect(verifyTotp(secret, old, now)).toBe(false);
    for (const garbage of ['', '12345', '1234567', 'abcdef', '12345a', '١٢٣٤٥٦']) {
      expect(verifyTotp(secret, garbage, now)).toBe(false);
    }
    expect(verifyTotp('not base32!', '123456', now)).toBe(false);
  });
});

describe('matchTotpStep', () => {
  it('names the 30-second step a code belongs to, so a used code can be refused next time', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    const previous = generateSync({ secret, epoch: (step - 1) * 30 });
    const current = generateSync({ secret, epoch: step * 30 });
    expect(matchTotpStep(secret, current, now)).toBe(step);
    expect(matchTotpStep(secret, previous, now)).toBe(step - 1);
    expect(matchTotpStep(secret, generateSync({ secret, epoch: (step - 3) * 30 }), now)).toBeUndefined();
    expect(matchTotpStep(secret, 'abcdef', now)).toBeUndefined();
  });
});
