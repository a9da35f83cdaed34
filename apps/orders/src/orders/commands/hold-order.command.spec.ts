import { Prisma } from '@suite/db/orders';
import { UnitOfWork } from '@suite/platform';
import { HoldOrderCommand, HoldOrderHandler } from './hold-order.command';

const orderId = '5b0f3c1e-2d4a-4e8b-9c6f-7a1d2e3f4a5b';
const productId = '9c2e4f6a-1b3d-4c5e-8f7a-0b1c2d3e4f5a';

/** Just enough of a transaction client to watch what the handler writes. */
function fakeTx(status: string) {
  const order = {
    id: orderId,
    status,
    orderCode: 'K7M2QX9TB',
    orderNumber: 'ORD-2026-000001',
    storeId: null,
    userId: null,
    total: new Prisma.Decimal('44.78'),
    currency: 'PHP',
    paymentMethod: 'GCASH',
    stockReserved: true,
  };
  const writes: unknown[] = [];
  const tx = {
    order: {
      findUnique: async () => order,
      updateMany: async (args: unknown) => (writes.push(['order.updateMany', args]), { count: 1 }),
      update: async (args: unknown) => (writes.push(['order.update', args]), order),
    },
    orderStatusHistory: { create: async (args: unknown) => writes.push(['history', args]) },
    $executeRawUnsafe: async (_sql: string, ...values: unknown[]) => (
      writes.push(['outbox', values[1], JSON.parse(values[2] as string)]),
      1
    ),
  };
  const uow = { run: (work: (t: typeof tx) => Promise<unknown>) => work(tx) } as unknown as UnitOfWork<Prisma.TransactionClient>;
  return { handler: new HoldOrderHandler(uow), writes };
}

describe('HoldOrderHandler', () => {
  it('moves a confirmed order ON_HOLD with a history row, its reason, and the on-hold event', async () => {
    const { handler, writes } = fakeTx('CONFIRMED');
    expect(await handler.execute(new HoldOrderCommand(orderId, 'STOCK_UNAVAILABLE', [productId]))).toBe(true);
    expect(writes).toEqual([
      ['order.updateMany', { where: { id: orderId, status: 'CONFIRMED' }, data: { status: 'ON_HOLD' } }],
      ['history', { data: { orderId, fromStatus: 'CONFIRMED', toStatus: 'ON_HOLD', actorId: null, reason: 'STOCK_UNAVAILABLE' } }],
      ['order.update', { where: { id: orderId }, data: { holdReason: 'STOCK_UNAVAILABLE' } }],
      [
        'outbox',
        'evt.orders.order.on-hold',
        expect.objectContaining({ orderId, status: 'ON_HOLD', reason: 'STOCK_UNAVAILABLE', productIds: [productId], total: '44.78' }),
      ],
    ]);
  });

  it('leaves an order that moved on (cancelled, shipped, already held) as it is', async () => {
    for (const status of ['CANCELLED', 'SHIPPED', 'ON_HOLD']) {
      const { handler, writes } = fakeTx(status);
      expect(await handler.execute(new HoldOrderCommand(orderId, 'STOCK_UNAVAILABLE'))).toBe(false);
      expect(writes).toEqual([]);
    }
  });
});
