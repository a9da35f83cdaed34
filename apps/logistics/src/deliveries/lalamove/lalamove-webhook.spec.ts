import { lastPod, readLalamoveEvent } from './lalamove-webhook';

describe('readLalamoveEvent', () => {
  it('reads an ORDER_STATUS_CHANGED with its time, 19-digit ids and the last drop-off proof', () => {
    const event = readLalamoveEvent(
      JSON.stringify({
        apiKey: 'pk_test_x',
        timestamp: 1764669600,
        signature: 'x',
        eventId: 'E-1',
        eventType: 'ORDER_STATUS_CHANGED',
        data: {
          order: {
            orderId: '1234567890123456789',
            status: 'COMPLETED',
            driverId: '80557',
            stops: [
              { stopId: '1', address: 'pickup' },
              { stopId: '2', POD: { status: 'DELIVERED', image: 'https://pod/2.jpg', deliveredAt: '2026-12-02T10:00:00Z' } },
            ],
          },
          updatedAt: '2026-12-02T10:00:05.000Z',
        },
      }),
    );
    expect(event).toEqual({
      eventId: 'E-1',
      eventType: 'ORDER_STATUS_CHANGED',
      orderId: '1234567890123456789',
      status: 'COMPLETED',
      driverId: '80557',
      driver: null,
      pod: { status: 'DELIVERED', image: 'https://pod/2.jpg', deliveredAt: '2026-12-02T10:00:00Z' },
      at: new Date('2026-12-02T10:00:05.000Z'),
    });
  });

  it('keeps a bare-number order id exact and dates an event without updatedAt by its timestamp (seconds)', () => {
    const event = readLalamoveEvent(
      '{"apiKey":"k","timestamp":1764669600,"eventId":"E-2","eventType":"DRIVER_ASSIGNED","data":{"order":{"orderId":3300000000000000123},"driver":{"driverId":"d1","name":"Pedro"}}}',
    );
    expect(event).toEqual(
      expect.objectContaining({
        orderId: '3300000000000000123',
        driverId: 'd1',
        driver: { driverId: 'd1', name: 'Pedro' },
        at: new Date(1764669600000),
      }),
    );
  });

  it('keys an event without an eventId on what it says, so its retries repeat the key', () => {
    const body = (timestamp: number) =>
      JSON.stringify({ timestamp, eventType: 'ORDER_STATUS_CHANGED', data: { order: { orderId: '1', status: 'PICKED_UP' } } });
    expect(readLalamoveEvent(body(5)).eventId).toBe(readLalamoveEvent(body(5)).eventId);
    expect(readLalamoveEvent(body(5)).eventId).not.toBe(readLalamoveEvent(body(6)).eventId);
  });

  it('finds no proof on the pickup stop alone', () => {
    expect(lastPod([{ stopId: '1', coordinates: { lat: '1', lng: '1' }, address: 'a', POD: { status: 'DELIVERED' } }])).toBeNull();
    expect(lastPod(undefined)).toBeNull();
  });
});
