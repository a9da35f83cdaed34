import { recordOf } from '../events/event-record';
import { emptyDirectory, factsOf } from './facts';

const at = new Date('2026-12-01T23:30:00.000Z');
const order = {
  orderId: 'o1',
  orderCode: 'C',
  orderNumber: 'N',
  status: 'PENDING',
  storeId: 's1',
  teamId: 't1',
  userId: 'u1',
  total: '100.00',
  currency: 'PHP',
};
const pick = (facts: ReturnType<typeof factsOf>) =>
  facts.map(({ source, storeId, teamId, channel, productId, category, customerId, deviceId, count, amount, quantity }) =>
    Object.fromEntries(
      Object.entries({ source, storeId, teamId, channel, productId, category, customerId, deviceId, count, amount, quantity }).filter(
        ([, v]) => v !== undefined,
      ),
    ),
  );

describe('facts of events', () => {
  it('rolls a placed order into an order and its lines, with the category catalog taught', () => {
    const dir = emptyDirectory();
    factsOf(recordOf('evt.catalog.product.created', { productId: 'p1', storeId: 's1', category: 'shirts', status: 'ACTIVE' }, at), dir);
    const facts = factsOf(
      recordOf(
        'evt.orders.order.placed',
        {
          ...order,
          items: [
            { orderItemId: 'i1', productId: 'p1', quantity: 2 },
            { orderItemId: 'i2', productId: 'p2', quantity: 1 },
          ],
        },
        at,
      ),
      dir,
    );
    expect(pick(facts)).toEqual([
      { source: 'order.placed', storeId: 's1', teamId: 't1', channel: 'storefront', count: 1, amount: '100.00', quantity: 0 },
      {
        source: 'product.ordered',
        storeId: 's1',
        teamId: 't1',
        channel: 'storefront',
        productId: 'p1',
        category: 'shirts',
        count: 1,
        amount: '0',
        quantity: 2,
      },
      {
        source: 'product.ordered',
        storeId: 's1',
        teamId: 't1',
        channel: 'storefront',
        productId: 'p2',
        count: 1,
        amount: '0',
        quantity: 1,
      },
    ]);
    expect(dir.storeTeam.get('s1')).toBe('t1');
  });

  it('counts a refund by what it adds to the running total, and takes a store team it learnt before', () => {
    const dir = emptyDirectory();
    dir.storeTeam.set('s1', 't1');
    const refund = (refundedAmount: string) =>
      factsOf(
        recordOf(
          'evt.orders.order.refunded',
          { ...order, teamId: undefined, paymentId: 'pay1', amount: '100.00', refundedAmount, paymentStatus: 'PARTIALLY_REFUNDED' },
          at,
        ),
        dir,
      );
    expect(pick(refund('30.00')).map((f) => [f.source, f.teamId, f.amount])).toEqual([
      ['order.refunded', 't1', '30.00'],
      ['customer.paid', 't1', '-30.00'],
    ]);
    expect(pick(refund('45.50')).map((f) => f.amount)).toEqual(['15.50', '-15.50']);
    expect(refund('45.50')).toEqual([]);
  });

  it('counts an outage when the device comes back, and a marketplace order on its channel', () => {
    const dir = emptyDirectory();
    factsOf(
      recordOf(
        'evt.iot-telemetry.device.offline',
        { deviceId: 'd1', userId: 'g1', lastSeen: '2026-12-01T10:00:00.000Z', at: '2026-12-01T10:01:30.000Z' },
        at,
      ),
      dir,
    );
    const back = factsOf(
      recordOf('evt.iot-telemetry.device.online', { deviceId: 'd1', userId: 'g1', at: '2026-12-01T10:30:00.000Z' }, at),
      dir,
    );
    expect(pick(back)).toEqual([
      { source: 'device.online', deviceId: 'd1', count: 1, amount: '0', quantity: 0 },
      { source: 'device.downtime', deviceId: 'd1', count: 1, amount: '1800', quantity: 0 },
    ]);
    expect(dir.device.get('d1')).toEqual({ ownerId: 'g1', offlineSince: null, lastOnlineAt: new Date('2026-12-01T10:30:00.000Z') });
    // Out of order: the reconnection first, then the outage it ended.
    const late = emptyDirectory();
    factsOf(recordOf('evt.iot-telemetry.device.online', { deviceId: 'd2', at: '2026-12-01T11:00:00.000Z' }, at), late);
    const outage = factsOf(
      recordOf('evt.iot-telemetry.device.offline', { deviceId: 'd2', lastSeen: '2026-12-01T10:00:00.000Z' }, at),
      late,
    );
    expect(pick(outage).map((f) => [f.source, f.amount])).toEqual([
      ['device.offline', '0'],
      ['device.downtime', '3600'],
    ]);
    expect(late.device.get('d2')?.offlineSince).toBeNull();
    expect(
      pick(factsOf(recordOf('evt.orders.order.paid', { ...order, imported: true, paymentId: 'x', amount: '100.00' }, at), dir))[0].channel,
    ).toBe('marketplace');
  });

  it('counts checkouts tracked by frontends, and nothing for events no metric reads', () => {
    const dir = emptyDirectory();
    const tracked = {
      eventType: 'checkout.started',
      entityType: null,
      entityId: null,
      userId: null,
      metadata: { storeId: 's1', teamId: 't1' },
      timestamp: at,
    };
    expect(pick(factsOf(tracked, dir)).map((f) => f.source)).toEqual(['checkout.started']);
    expect(factsOf(recordOf('evt.identity.session.revoked', { sessionId: 'x', userId: 'u' }, at), dir)).toEqual([]);
    expect(factsOf(recordOf('evt.alerting.alert.raised', { alertId: 'a', deviceId: 'd1', source: 'iot-telemetry' }, at), dir)).toEqual([]);
  });
});
