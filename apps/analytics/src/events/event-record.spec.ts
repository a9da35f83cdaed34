import { entityOf, recordOf } from './event-record';

describe("analytics records of other services' events", () => {
  const at = new Date('2026-12-02T03:00:00.000Z');

  it('records the subject as the type, the payload as metadata and the publish time', () => {
    const payload = { orderId: 'o1', orderCode: 'ABC123XYZ', userId: 'u1', total: '10.00' };
    expect(recordOf('evt.orders.order.placed', payload, at)).toEqual({
      eventType: 'evt.orders.order.placed',
      entityType: 'order',
      entityId: 'o1',
      userId: 'u1',
      metadata: payload,
      timestamp: at,
    });
  });

  it('takes the id of the entity the subject names', () => {
    expect(entityOf('evt.identity.user.registered', { userId: 'u1', email: 'a@b.c' })).toEqual({ entityType: 'user', entityId: 'u1' });
    expect(entityOf('evt.catalog.product.updated', { productId: 'p1', storeId: 's1' })).toEqual({ entityType: 'product', entityId: 'p1' });
    expect(entityOf('evt.alerting.push-subscription.expired', { pushSubscriptionId: 'ps1' })).toEqual({
      entityType: 'push-subscription',
      entityId: 'ps1',
    });
  });

  it('falls back to the first id of the payload, naming its entity', () => {
    expect(entityOf('evt.catalog.stock.low', { productId: 'p1', stock: 1, minStock: 5 })).toEqual({
      entityType: 'product',
      entityId: 'p1',
    });
    expect(entityOf('evt.iot-telemetry.threshold.breached', { value: 3, sensorId: 's1', deviceId: 'd1' })).toEqual({
      entityType: 'sensor',
      entityId: 's1',
    });
  });

  it("keeps the subject's entity without an id when the payload has none", () => {
    expect(entityOf('evt.orders.order.placed', { orderId: '', total: '1.00' })).toEqual({ entityType: 'order', entityId: null });
    expect(recordOf('evt.x.y.z', {}, at)).toMatchObject({ entityType: 'y', entityId: null, userId: null });
  });

  it('dates an event by its occurredAt when it has one in the past, else by its publish time', () => {
    expect(recordOf('evt.orders.order.paid', { occurredAt: '2026-11-10T23:30:00.000Z' }, at).timestamp).toEqual(
      new Date('2026-11-10T23:30:00.000Z'),
    );
    expect(recordOf('evt.orders.order.paid', { occurredAt: '2027-01-01T00:00:00.000Z' }, at).timestamp).toEqual(at);
    expect(recordOf('evt.orders.order.paid', { occurredAt: 'yesterday' }, at).timestamp).toEqual(at);
  });
});
