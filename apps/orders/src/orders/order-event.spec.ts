import { Prisma } from '@suite/db/orders';
import { orderEventPayload, shipToOf } from './order-event';

describe('order event payload (placed, paid)', () => {
  it('gives the ship-to country as its ISO code when the address names it or codes it, else as written', () => {
    const address = { street1: '1 Ayala Ave', city: 'Makati', state: 'Metro Manila', postalCode: '1226', country: 'Philippines' };
    expect(shipToOf(address)).toEqual({ country: 'PH', province: 'Metro Manila', city: 'Makati', postalCode: '1226' });
    expect(shipToOf({ ...address, country: 'us' })?.country).toBe('US');
    expect(shipToOf({ ...address, country: 'United States of America' })?.country).toBe('US');
    expect(shipToOf({ ...address, country: 'Atlantis' })?.country).toBe('Atlantis');
    expect(shipToOf({ country: 'PH', city: '', state: null })).toEqual({ country: 'PH', province: null, city: null, postalCode: null });
  });

  it('has no ship-to without a country', () => {
    expect(shipToOf({ city: 'Makati' })).toBeNull();
    expect(shipToOf(null)).toBeNull();
    expect(shipToOf([] as unknown as Prisma.JsonValue)).toBeNull();
  });

  it('carries the lines, the ship-to, and the team and import flag only when known', () => {
    const order = {
      id: '00000000-0000-4000-8000-000000000001',
      orderCode: 'K7M2QX9TB',
      orderNumber: 'ORD-2026-000001',
      status: 'CONFIRMED' as const,
      storeId: null,
      userId: null,
      total: new Prisma.Decimal('39.98'),
      currency: 'PHP',
      paymentMethod: null,
      stockReserved: false,
      shippingAddress: { city: 'Cebu City', state: 'Cebu', postalCode: '6000', country: 'PH' },
      items: [
        {
          id: '00000000-0000-4000-8000-000000000002',
          orderId: '00000000-0000-4000-8000-000000000001',
          productId: '00000000-0000-4000-8000-000000000003',
          systemVariantId: '00000000-0000-4000-8000-000000000004',
          systemVariantCode: 'AB12C',
          designId: null,
          sku: 'TEE-1',
          name: 'Tee',
          quantity: 2,
          price: new Prisma.Decimal('19.99'),
          total: new Prisma.Decimal('39.98'),
          fulfillmentStatus: 'PENDING' as const,
          productSnapshot: null,
          createdAt: new Date(),
        },
      ],
    };
    const plain = orderEventPayload(order);
    expect(plain).toMatchObject({
      total: '39.98',
      items: [
        {
          orderItemId: order.items[0].id,
          productId: order.items[0].productId,
          systemVariantId: order.items[0].systemVariantId,
          systemVariantCode: 'AB12C',
          designId: null,
          sku: 'TEE-1',
          quantity: 2,
        },
      ],
      shipTo: { country: 'PH', province: 'Cebu', city: 'Cebu City', postalCode: '6000' },
    });
    expect('teamId' in plain || 'imported' in plain).toBe(false);
    const team = '00000000-0000-4000-8000-000000000005';
    expect(orderEventPayload(order, { teamId: team, imported: true })).toMatchObject({ teamId: team, imported: true });
  });
});
