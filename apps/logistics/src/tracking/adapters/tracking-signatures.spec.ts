import { createHmac } from 'node:crypto';
import { AppError } from '@suite/platform';
import { verifyAfterShipSignature, verifyEasyPostSignature } from './tracking-signatures';

const body = JSON.stringify({ event: 'tracking_update', event_id: 'e1', msg: { tracking_number: '1Z999' } });
const base64 = (raw: string, secret: string) => createHmac('sha256', secret).update(raw).digest('base64');
const hex = (raw: string, secret: string) => createHmac('sha256', secret).update(raw).digest('hex');

const code = (fn: () => void) => {
  try {
    fn();
    return 'verified';
  } catch (error) {
    return error instanceof AppError ? `${error.kind}:${error.code}` : String(error);
  }
};
const REFUSED = 'unauthorized:LOGISTICS.WEBHOOK_SIGNATURE_INVALID';

describe('AfterShip signature (base64 HMAC-SHA256 of the raw body)', () => {
  it('verifies the exact bytes with the secret', () => {
    expect(code(() => verifyAfterShipSignature(body, base64(body, 'as_secret'), 'as_secret'))).toBe('verified');
  });

  it('refuses another secret, a changed body, a hex signature, a missing header and an unset secret', () => {
    expect(code(() => verifyAfterShipSignature(body, base64(body, 'other'), 'as_secret'))).toBe(REFUSED);
    expect(code(() => verifyAfterShipSignature(`${body} `, base64(body, 'as_secret'), 'as_secret'))).toBe(REFUSED);
    expect(code(() => verifyAfterShipSignature(body, hex(body, 'as_secret'), 'as_secret'))).toBe(REFUSED);
    expect(code(() => verifyAfterShipSignature(body, undefined, 'as_secret'))).toBe(REFUSED);
    expect(code(() => verifyAfterShipSignature(body, base64(body, ''), undefined))).toBe(REFUSED);
  });
});

describe('EasyPost signature (hmac-sha256-hex=<hex> of the raw body)', () => {
  it('verifies the exact bytes with the secret, the secret NFKD-normalised', () => {
    expect(code(() => verifyEasyPostSignature(body, `hmac-sha256-hex=${hex(body, 'ep_secret')}`, 'ep_secret'))).toBe('verified');
    // U+FB01 (the "fi" ligature) normalises to "fi" under NFKD
    expect(code(() => verifyEasyPostSignature(body, `hmac-sha256-hex=${hex(body, 'fish')}`, '\ufb01sh'))).toBe('verified');
  });

  it('refuses another secret, a changed body, another scheme, a bare hex, garbage and an unset secret', () => {
    expect(code(() => verifyEasyPostSignature(body, `hmac-sha256-hex=${hex(body, 'other')}`, 'ep_secret'))).toBe(REFUSED);
    expect(code(() => verifyEasyPostSignature(`${body}\n`, `hmac-sha256-hex=${hex(body, 'ep_secret')}`, 'ep_secret'))).toBe(REFUSED);
    expect(code(() => verifyEasyPostSignature(body, `hmac-sha1-hex=${hex(body, 'ep_secret')}`, 'ep_secret'))).toBe(REFUSED);
    expect(code(() => verifyEasyPostSignature(body, hex(body, 'ep_secret'), 'ep_secret'))).toBe(REFUSED);
    expect(code(() => verifyEasyPostSignature(body, 'hmac-sha256-hex=zz', 'ep_secret'))).toBe(REFUSED);
    expect(code(() => verifyEasyPostSignature(body, `hmac-sha256-hex=${hex(body, 'ep_secret')}`, undefined))).toBe(REFUSED);
  });
});
