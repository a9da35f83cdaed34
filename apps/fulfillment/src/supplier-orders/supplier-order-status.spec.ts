import { SUPPLIER_ORDER_STATUSES, SupplierOrderStatus } from '@suite/contracts/fulfillment';
import { canTransition, assertTransition, fromPrintfulStatus, providerMayMove } from './supplier-order-status';

describe('supplier order transitions', () => {
  const legal: [SupplierOrderStatus, SupplierOrderStatus][] = [
    ['DRAFT', 'SUBMITTED'],
    ['SUBMITTED', 'ACCEPTED'],
    ['SUBMITTED', 'REJECTED'],
    ['ACCEPTED', 'IN_PRODUCTION'],
    ['IN_PRODUCTION', 'SHIPPED'],
    ['SHIPPED', 'RECEIVED'],
    ['DRAFT', 'CANCELLED'],
    ['SUBMITTED', 'CANCELLED'],
    ['ACCEPTED', 'CANCELLED'],
    ['IN_PRODUCTION', 'CANCELLED'],
  ];

  it('allows exactly the documented moves', () => {
    for (const from of SUPPLIER_ORDER_STATUSES)
      for (const to of SUPPLIER_ORDER_STATUSES)
        expect([from, to, canTransition(from, to)]).toEqual([from, to, legal.some(([f, t]) => f === from && t === to)]);
  });

  it('answers an illegal move with 409 naming status', () => {
    expect(() => assertTransition('SHIPPED', 'CANCELLED')).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'FULFILLMENT.SUPPLIER_ORDER_ILLEGAL_TRANSITION' }),
    );
    expect(() => assertTransition('DRAFT', 'ACCEPTED')).toThrow();
    expect(() => assertTransition('REJECTED', 'ACCEPTED')).toThrow();
  });
});

describe('provider reports', () => {
  it('move forward, skipping steps', () => {
    expect(providerMayMove('SUBMITTED', 'SHIPPED')).toBe(true);
    expect(providerMayMove('ACCEPTED', 'IN_PRODUCTION')).toBe(true);
  });

  it('never move backwards, sideways or out of a final status', () => {
    expect(providerMayMove('SHIPPED', 'IN_PRODUCTION')).toBe(false);
    expect(providerMayMove('IN_PRODUCTION', 'ACCEPTED')).toBe(false);
    expect(providerMayMove('SHIPPED', 'SHIPPED')).toBe(false);
    expect(providerMayMove('CANCELLED', 'SHIPPED')).toBe(false);
    expect(providerMayMove('REJECTED', 'ACCEPTED')).toBe(false);
    expect(providerMayMove('RECEIVED', 'SHIPPED')).toBe(false);
  });

  it('reject or cancel only what has not shipped', () => {
    expect(providerMayMove('ACCEPTED', 'REJECTED')).toBe(true);
    expect(providerMayMove('IN_PRODUCTION', 'CANCELLED')).toBe(true);
    expect(providerMayMove('SHIPPED', 'CANCELLED')).toBe(false);
    expect(providerMayMove('SHIPPED', 'REJECTED')).toBe(false);
  });

  it("read Printful's statuses", () => {
    expect(fromPrintfulStatus('pending')).toBe('ACCEPTED');
    expect(fromPrintfulStatus('inprocess')).toBe('IN_PRODUCTION');
    expect(fromPrintfulStatus('fulfilled')).toBe('SHIPPED');
    expect(fromPrintfulStatus('failed')).toBe('REJECTED');
    expect(fromPrintfulStatus('canceled')).toBe('CANCELLED');
    expect(fromPrintfulStatus('onhold')).toBeUndefined();
    expect(fromPrintfulStatus('draft')).toBeUndefined();
  });
});
