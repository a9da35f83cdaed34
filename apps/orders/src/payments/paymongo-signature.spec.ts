import { AppError } from '@suite/platform';
import { paymongoHmac, signPaymongo, verifyPaymongoSignature } from './paymongo-signature';

const SECRET = 'whsk_test_secret';
const BODY = JSON.stringify({ data: { id: 'evt_1', attributes: { type: 'payment.paid' } } });
const NOW = 1_800_000_000;

const rejection = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('unauthorized');
    return (error as AppError).message;
  }
};

describe('PayMongo webhook signature', () => {
  it('accepts a valid test-mode signature over the raw body', () => {
    expect(
      rejection(() =>
        verifyPaymongoSignature(BODY, signPaymongo(SECRET, BODY, { timestamp: NOW }), SECRET, { live: false, nowSeconds: NOW }),
      ),
    ).toBeUndefined();
  });

  it('is HMAC-SHA256(secret, "t.body") in hex', () => {
    expect(signPaymongo(SECRET, BODY, { timestamp: NOW })).toBe(`t=${NOW},te=${paymongoHmac(SECRET, NOW, BODY)},li=`);
    expect(paymongoHmac(SECRET, NOW, BODY)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a tampered body', () => {
    const header = signPaymongo(SECRET, BODY, { timestamp: NOW });
    expect(
      rejection(() => verifyPaymongoSignature(BODY.replace('paid', 'failed'), header, SECRET, { live: false, nowSeconds: NOW })),
    ).toMatch(/mismatch/);
  });

  it('rejects a signature made with another secret', () => {
    const header = signPaymongo('whsk_other', BODY, { timestamp: NOW });
    expect(rejection(() => verifyPaymongoSignature(BODY, header, SECRET, { live: false, nowSeconds: NOW }))).toMatch(/mismatch/);
  });

  it('rejects a timestamp outside the 5-minute tolerance, either way', () => {
    expect(
      rejection(() =>
        verifyPaymongoSignature(BODY, signPaymongo(SECRET, BODY, { timestamp: NOW - 301 }), SECRET, { live: false, nowSeconds: NOW }),
      ),
    ).toMatch(/stale/);
    expect(
      rejection(() =>
        verifyPaymongoSignature(BODY, signPaymongo(SECRET, BODY, { timestamp: NOW + 301 }), SECRET, { live: false, nowSeconds: NOW }),
      ),
    ).toMatch(/stale/);
    expect(
      rejection(() =>
        verifyPaymongoSignature(BODY, signPaymongo(SECRET, BODY, { timestamp: NOW - 299 }), SECRET, { live: false, nowSeconds: NOW }),
      ),
    ).toBeUndefined();
  });

  it('checks te in test mode and li in live mode, never the other', () => {
    const test = signPaymongo(SECRET, BODY, { timestamp: NOW });
    const live = signPaymongo(SECRET, BODY, { timestamp: NOW, live: true });
    expect(rejection(() => verifyPaymongoSignature(BODY, live, SECRET, { live: true, nowSeconds: NOW }))).toBeUndefined();
    expect(rejection(() => verifyPaymongoSignature(BODY, live, SECRET, { live: false, nowSeconds: NOW }))).toMatch(/malformed/);
    expect(rejection(() => verifyPaymongoSignature(BODY, test, SECRET, { live: true, nowSeconds: NOW }))).toMatch(/malformed/);
  });

  it('rejects a missing or malformed header and an unset secret', () => {
    expect(rejection(() => verifyPaymongoSignature(BODY, undefined, SECRET, { live: false, nowSeconds: NOW }))).toMatch(/missing/);
    expect(rejection(() => verifyPaymongoSignature(BODY, 'garbage', SECRET, { live: false, nowSeconds: NOW }))).toMatch(/malformed/);
    expect(rejection(() => verifyPaymongoSignature(BODY, `t=${NOW},te=zz,li=`, SECRET, { live: false, nowSeconds: NOW }))).toMatch(
      /mismatch/,
    );
    expect(
      rejection(() => verifyPaymongoSignature(BODY, signPaymongo('', BODY, { timestamp: NOW }), '', { live: false, nowSeconds: NOW })),
    ).toMatch(/no webhook secret/);
  });
});
