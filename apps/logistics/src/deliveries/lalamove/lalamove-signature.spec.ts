import { lalamoveAuthorization, lalamoveSignature, parseKeepingIds, verifyLalamoveWebhook } from './lalamove-signature';

const secret = 'sk_test_abcdefgh12345678';
const body = '{"data":{"serviceType":"MOTORCYCLE"}}';

describe('Lalamove request signature', () => {
  it('matches a vector computed independently (openssl dgst -sha256 -hmac)', () => {
    // printf '1700000000000\r\nPOST\r\n/v3/quotations\r\n\r\n{"data":{"serviceType":"MOTORCYCLE"}}' | openssl dgst -sha256 -hmac sk_test_abcdefgh12345678
    expect(lalamoveSignature(secret, '1700000000000', 'POST', '/v3/quotations', body)).toBe(
      '51f4991f736884a2ad23dbf3917f6f9fec3a490beafd10075838b4dcb5fe638b',
    );
    // printf '1700000000000\r\nGET\r\n/v3/orders/1234567890123456789\r\n\r\n' | openssl dgst -sha256 -hmac sk_test_abcdefgh12345678
    expect(lalamoveSignature(secret, 1700000000000, 'get', '/v3/orders/1234567890123456789')).toBe(
      'cd3d2ca63e4da7aecb095605d2272b0ee4b01bfb000dbb045396e7131407156d',
    );
  });

  it('builds the Authorization header as hmac <key>:<timestamp>:<signature>', () => {
    expect(lalamoveAuthorization('pk_test_key12345', secret, '1700000000000', 'POST', '/v3/quotations', body)).toBe(
      `hmac pk_test_key12345:1700000000000:${lalamoveSignature(secret, '1700000000000', 'POST', '/v3/quotations', body)}`,
    );
  });
});

describe('Lalamove webhook signature', () => {
  const data = { order: { orderId: '1234567890123456789', status: 'PICKED_UP' }, updatedAt: '2026-12-02T10:00:00.000Z' };
  const path = '/api/v1/webhooks/lalamove';
  const signed = (over: Record<string, unknown> = {}) => ({
    apiKey: 'pk_test_key12345',
    timestamp: 1764669600,
    signature: lalamoveSignature(secret, 1764669600, 'POST', path, JSON.stringify(data)),
    eventId: 'evt-1',
    eventType: 'ORDER_STATUS_CHANGED',
    data,
    ...over,
  });

  it('verifies a body signed over timestamp, POST, path and the JSON of data', () => {
    expect(verifyLalamoveWebhook(signed(), path, 'pk_test_key12345', secret)).toBe(true);
  });

  it.each([
    ['another secret', signed({ signature: lalamoveSignature('sk_test_other0000', 1764669600, 'POST', path, JSON.stringify(data)) })],
    ['a changed body', signed({ data: { ...data, order: { ...data.order, status: 'COMPLETED' } } })],
    ['another timestamp', signed({ timestamp: 1764669601 })],
    ['another api key', signed({ apiKey: 'pk_test_someoneelse' })],
    ['no signature', signed({ signature: undefined })],
    ['garbage', signed({ signature: 'zz' })],
  ])('refuses %s', (_, event) => {
    expect(verifyLalamoveWebhook(event, path, 'pk_test_key12345', secret)).toBe(false);
  });

  it('refuses a signature made for another path', () => {
    expect(verifyLalamoveWebhook(signed(), '/elsewhere', 'pk_test_key12345', secret)).toBe(false);
  });

  it('refuses everything when no secret is configured', () => {
    expect(verifyLalamoveWebhook(signed(), path, '', '')).toBe(false);
  });
});

describe('parseKeepingIds', () => {
  it('keeps every digit of a 19-digit id sent as a bare number', () => {
    const parsed = parseKeepingIds('{"data":{"orderId":1234567890123456789,"driverId": 9876543210987654321,"n":12}}') as any;
    expect(parsed.data.orderId).toBe('1234567890123456789');
    expect(parsed.data.driverId).toBe('9876543210987654321');
    expect(parsed.data.n).toBe(12);
  });
});
