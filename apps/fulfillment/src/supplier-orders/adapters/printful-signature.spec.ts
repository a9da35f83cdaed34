import { createHmac } from 'node:crypto';
import { printfulSignature, verifyPrintfulSignature } from './printful-signature';
import { readPrintfulEvent } from '../printful-webhook';

const body = JSON.stringify({ type: 'package_shipped', created: 1700000000, data: { order: { id: 77, external_id: 'SO-1' } } });
const secret = 'whsec_test';

describe('Printful webhook signature', () => {
  it('is the hex HMAC-SHA256 of the raw body', () => {
    expect(printfulSignature(body, secret)).toBe(createHmac('sha256', secret).update(body).digest('hex'));
  });

  it('verifies the right signature, with or without a sha256= prefix', () => {
    expect(() => verifyPrintfulSignature(body, printfulSignature(body, secret), secret)).not.toThrow();
    expect(() => verifyPrintfulSignature(body, `sha256=${printfulSignature(body, secret)}`, secret)).not.toThrow();
  });

  it.each([
    ['another secret', printfulSignature(body, 'other')],
    ['another body', printfulSignature(`${body} `, secret)],
    ['garbage', 'not-hex'],
    ['a short mac', 'abcd'],
    ['nothing', undefined],
  ])('refuses %s with 401', (_, header) => {
    expect(() => verifyPrintfulSignature(body, header, secret)).toThrow(
      expect.objectContaining({ kind: 'unauthorized', code: 'FULFILLMENT.WEBHOOK_SIGNATURE_INVALID' }),
    );
  });

  it('refuses everything when the factory has no webhook secret', () => {
    expect(() => verifyPrintfulSignature(body, printfulSignature(body, ''), undefined)).toThrow();
  });
});

describe('Printful webhook bodies', () => {
  it('reads a shipment with its tracking', () => {
    const event = readPrintfulEvent(
      JSON.stringify({
        id: 'evt_1',
        type: 'package_shipped',
        created: 1,
        data: { order: { id: 9, external_id: 'SO-9', status: 'fulfilled' }, shipment: { tracking_number: '1Z', carrier: 'UPS' } },
      }),
    );
    expect(event).toEqual(
      expect.objectContaining({
        eventId: 'evt_1',
        target: 'SHIPPED',
        trackingNumber: '1Z',
        carrier: 'UPS',
        externalId: '9',
        orderNumber: 'SO-9',
      }),
    );
  });

  it('keys an event without an id on its type, order and time, so retries repeat the key', () => {
    const a = readPrintfulEvent(JSON.stringify({ type: 'order_failed', created: 5, retries: 0, data: { order: { id: 1 }, reason: 'x' } }));
    const b = readPrintfulEvent(JSON.stringify({ type: 'order_failed', created: 5, retries: 2, data: { order: { id: 1 }, reason: 'x' } }));
    expect(a?.eventId).toBe(b?.eventId);
    expect(a).toEqual(expect.objectContaining({ target: 'REJECTED', reason: 'x' }));
  });

  it('ignores what is not an order event', () => {
    expect(readPrintfulEvent('not json')).toBeUndefined();
    expect(readPrintfulEvent(JSON.stringify({ type: 'stock_updated', data: {} }))).toBeUndefined();
  });
});
