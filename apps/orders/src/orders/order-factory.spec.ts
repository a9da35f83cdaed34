import { Prisma } from '@suite/db/orders';
import { OrderFactory } from './order-factory';

/** The shape Prisma (driver adapter) gives a unique violation: the constraint's index name in meta. */
const clash = (index: string) =>
  new Prisma.PrismaClientKnownRequestError('Unique constraint failed', {
    code: 'P2002',
    clientVersion: 'test',
    meta: { modelName: 'Order', kind: 'UniqueConstraintViolation', constraint: { index } },
  });

function fakeTx(failures: Error[]) {
  const sql: string[] = [];
  const codes: string[] = [];
  const tx = {
    $queryRaw: jest.fn(async () => [{ value: 42 }]),
    $executeRawUnsafe: jest.fn(async (query: string, ...values: unknown[]) => {
      sql.push(query.startsWith('INSERT INTO outbox_event') ? `outbox ${values[1]}` : query);
      return 1;
    }),
    order: {
      create: jest.fn(async ({ data }: { data: Record<string, any> }) => {
        codes.push(data.orderCode);
        const failure = failures.shift();
        if (failure) throw failure;
        // include: { items: true } gives the rows written, with their ids
        const items = data.items.create.map((item: Record<string, unknown>, i: number) => ({ id: `item-${i}`, ...item }));
        return { id: '00000000-0000-4000-8000-000000000001', ...data, items, statusHistory: undefined };
      }),
    },
  };
  return { tx: tx as unknown as Prisma.TransactionClient, sql, codes, create: tx.order.create };
}

const input = {
  storeId: null,
  channel: 'WEB' as const,
  status: 'PENDING' as const,
  paymentStatus: 'PENDING' as const,
  currency: 'PHP',
  items: [
    {
      productId: 'p1',
      systemVariantId: 'v1',
      systemVariantCode: 'AB12C',
      designId: 'd1',
      sku: 'A',
      name: 'Mug',
      quantity: 3,
      price: new Prisma.Decimal('19.99'),
    },
    { productId: 'p2', sku: null, name: 'Kit', quantity: 1, price: new Prisma.Decimal('5.00') },
  ],
  tax: new Prisma.Decimal('7.80'),
  shipping: new Prisma.Decimal('4.00'),
  discount: new Prisma.Decimal('2.00'),
  shippingAddress: { city: 'Makati', state: 'Metro Manila', postalCode: '1200', country: 'Philippines' },
  billingAddress: {},
  placedAt: new Date('2026-03-01T00:00:00Z'),
  actorId: null,
  reason: 'checkout',
};

describe('OrderFactory', () => {
  it('computes totals in Decimal, numbers the order from the yearly counter, writes the first history row and the placed event', async () => {
    const { tx, sql, create } = fakeTx([]);
    const order = await new OrderFactory().create(tx, input);
    const data = create.mock.calls[0][0].data;
    expect([data.subtotal.toFixed(2), data.total.toFixed(2), data.orderNumber]).toEqual(['64.97', '74.77', 'ORD-2026-000042']);
    expect(data.items.create.map((i: { total: Prisma.Decimal }) => i.total.toFixed(2))).toEqual(['59.97', '5.00']);
    expect(data.statusHistory.create).toEqual([{ fromStatus: null, toStatus: 'PENDING', actorId: null, reason: 'checkout' }]);
    expect(order.orderCode).toHaveLength(9);
    expect(sql).toEqual(['SAVEPOINT order_code', 'RELEASE SAVEPOINT order_code', 'outbox evt.orders.order.placed']);
  });

  it('writes what routing needs on each item and puts the lines and the ship-to in the placed event', async () => {
    const { tx, create } = fakeTx([]);
    const events: unknown[] = [];
    (tx.$executeRawUnsafe as jest.Mock).mockImplementation(async (query: string, ...values: unknown[]) => {
      if (query.startsWith('INSERT INTO outbox_event')) events.push(JSON.parse(values[2] as string));
      return 1;
    });
    await new OrderFactory().create(tx, { ...input, event: { teamId: 't1', imported: true } });
    const [mug, kit] = create.mock.calls[0][0].data.items.create;
    expect(mug).toMatchObject({ systemVariantId: 'v1', systemVariantCode: 'AB12C', designId: 'd1' });
    expect(kit).toMatchObject({ systemVariantId: null, systemVariantCode: null, designId: null });
    expect(events).toEqual([
      expect.objectContaining({
        items: [
          {
            orderItemId: 'item-0',
            productId: 'p1',
            systemVariantId: 'v1',
            systemVariantCode: 'AB12C',
            designId: 'd1',
            sku: 'A',
            quantity: 3,
          },
          {
            orderItemId: 'item-1',
            productId: 'p2',
            systemVariantId: null,
            systemVariantCode: null,
            designId: null,
            sku: null,
            quantity: 1,
          },
        ],
        shipTo: { country: 'PH', province: 'Metro Manila', city: 'Makati', postalCode: '1200' },
        teamId: 't1',
        imported: true,
      }),
    ]);
  });

  it('emits no placed event for an unplaced (checkout) order', async () => {
    const { tx, sql, create } = fakeTx([]);
    await new OrderFactory().create(tx, { ...input, placedAt: null });
    expect(create.mock.calls[0][0].data.placedAt).toBeNull();
    expect(sql).toEqual(['SAVEPOINT order_code', 'RELEASE SAVEPOINT order_code']);
  });

  it('retries a clashing order code with a new one behind a savepoint', async () => {
    const { tx, sql, codes } = fakeTx([clash('orders_order_code_key')]);
    await new OrderFactory().create(tx, input);
    expect(codes).toHaveLength(2);
    expect(sql.slice(0, 4)).toEqual([
      'SAVEPOINT order_code',
      'ROLLBACK TO SAVEPOINT order_code',
      'SAVEPOINT order_code',
      'RELEASE SAVEPOINT order_code',
    ]);
  });

  it('lets any other unique violation (a duplicate platform order) through to the caller', async () => {
    const { tx, codes } = fakeTx([clash('orders_store_id_platform_order_id_key')]);
    await expect(new OrderFactory().create(tx, input)).rejects.toMatchObject({ code: 'P2002' });
    expect(codes).toHaveLength(1);
  });

  it('refuses an order without items', async () => {
    await expect(new OrderFactory().create(fakeTx([]).tx, { ...input, items: [] })).rejects.toMatchObject({ code: 'ORDERS.NO_ITEMS' });
  });
});
