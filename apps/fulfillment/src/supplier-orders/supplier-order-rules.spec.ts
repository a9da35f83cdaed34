import { Prisma } from '@suite/db/fulfillment';
import { expectedFrom, fulfillmentFollowUp, generateOrderNumber, orderTotal, priceLines } from './supplier-order-rules';

const variant = (id: string, over: Partial<Prisma.SupplierVariantModel> = {}) =>
  ({
    id,
    factoryId: 'f',
    systemVariantCode: 'K7WQ3',
    supplierVariantCode: `SV-${id}`,
    supplierSku: null,
    supplierPrice: new Prisma.Decimal('7.45'),
    minimumQuantity: 1,
    leadTime: 3,
    isAvailable: true,
    ...over,
  }) as Prisma.SupplierVariantModel;

describe('supplier order lines', () => {
  it('prices lines from the variants and totals them exactly', () => {
    const lines = priceLines(
      [
        { supplierVariantId: 'a', quantity: 3 },
        { supplierVariantId: 'b', quantity: 10 },
      ],
      [variant('a'), variant('b', { supplierPrice: new Prisma.Decimal('0.10'), leadTime: 9 })],
    );
    expect(lines.map((l) => l.unitPrice)).toEqual(['7.45', '0.10']);
    expect(orderTotal(lines)).toBe('23.35');
    const now = new Date('2026-01-01T00:00:00Z');
    expect(expectedFrom(now, lines).toISOString()).toBe('2026-01-10T00:00:00.000Z');
  });

  it('names every bad item by its field', () => {
    try {
      priceLines(
        [
          { supplierVariantId: 'x', quantity: 1 },
          { supplierVariantId: 'a', quantity: 1 },
          { supplierVariantId: 'a', quantity: 5 },
          { supplierVariantId: 'c', quantity: 1 },
        ],
        [variant('a', { minimumQuantity: 2 }), variant('c', { isAvailable: false })],
      );
      fail('should refuse');
    } catch (error) {
      expect((error as { details: { errors: { field: string }[] } }).details.errors.map((e) => e.field)).toEqual([
        'items[0].supplierVariantId',
        'items[1].quantity',
        'items[2].supplierVariantId',
        'items[3].supplierVariantId',
      ]);
    }
  });

  it('generates SO-<date>-<random> numbers', () => {
    expect(generateOrderNumber(new Date('2026-12-02T10:00:00Z'))).toMatch(/^SO-20261202-[A-Z2-9]{6}$/);
  });
});

describe('what a supplier order does to its fulfillment', () => {
  const order = (status: string, over: Partial<Parameters<typeof fulfillmentFollowUp>[0]> = {}) =>
    fulfillmentFollowUp({ orderNumber: 'SO-1', status, rejectionReason: null, trackingNumber: null, carrier: null, ...over });

  it('accepted or in production: IN_PRODUCTION; shipped: SHIPPED with its tracking; rejected or cancelled: FAILED with the reason', () => {
    expect(order('ACCEPTED')).toEqual({ status: 'IN_PRODUCTION' });
    expect(order('IN_PRODUCTION')).toEqual({ status: 'IN_PRODUCTION' });
    expect(order('SHIPPED', { trackingNumber: '1Z9', carrier: 'UPS' })).toEqual({
      status: 'SHIPPED',
      trackingNumber: '1Z9',
      carrier: 'UPS',
    });
    expect(order('REJECTED', { rejectionReason: 'file too small' })).toEqual({
      status: 'FAILED',
      reason: 'supplier order SO-1 rejected: file too small',
    });
    expect(order('CANCELLED')).toEqual({ status: 'FAILED', reason: 'supplier order SO-1 cancelled' });
  });

  it('leaves the fulfillment alone for a draft, a submitted or a received order', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'RECEIVED']) expect(order(status)).toBeNull();
  });
});
