import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec_0123456789abcdef';
  const body = '{"id":"n1","subject":"Overheating"}';
  const at = new Date('2026-03-01T00:00:00Z');

  it('is t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">', () => {
    const header = signWebhook(secret, body, at);
    const t = 1772323200;
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`);
  });

  it('verifies within the replay window and refuses outside it', () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhookSignature(header, secret, body, new Date(at.getTime() + 299_000))).toBe(true);
    expect(verifyWebhookSignature(header, secret, body, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifyWebhookSignature(header, secret, body, new Date(at.getTime() - 301_000))).toBe(false);
  });

  it('refuses another body, another secret and malformed headers', () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhookSignature(header, secret, body + ' ', at)).toBe(false);
    expect(verifyWebhookSignature(header, 'other-secret-000000', body, at)).toBe(false);
    expect(verifyWebhookSignature(undefined, secret, body, at)).toBe(false);
    expect(verifyWebhookSignature('t=abc,v1=00', secret, body, at)).toBe(false);
  });
});
