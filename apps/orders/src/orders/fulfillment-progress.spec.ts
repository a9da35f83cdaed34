import { nextItemStatus, orderTarget, stepsTo } from './fulfillment-progress';

describe('order status from its items (fulfillment events)', () => {
  it('moves an item forward only: late and repeated reports change nothing', () => {
    expect(nextItemStatus('PENDING', 'IN_PRODUCTION')).toBe('IN_PRODUCTION');
    expect(nextItemStatus('PENDING', 'SHIPPED')).toBe('SHIPPED');
    expect(nextItemStatus('SHIPPED', 'DELIVERED')).toBe('DELIVERED');
    expect(nextItemStatus('SHIPPED', 'SHIPPED')).toBeNull();
    expect(nextItemStatus('SHIPPED', 'IN_PRODUCTION')).toBeNull();
    expect(nextItemStatus('DELIVERED', 'PENDING')).toBeNull();
  });

  it('fails an item before delivery, and lets a re-routed failed item start again', () => {
    expect(nextItemStatus('IN_PRODUCTION', 'FAILED')).toBe('FAILED');
    expect(nextItemStatus('SHIPPED', 'FAILED')).toBe('FAILED');
    expect(nextItemStatus('DELIVERED', 'FAILED')).toBeNull();
    expect(nextItemStatus('FAILED', 'FAILED')).toBeNull();
    expect(nextItemStatus('FAILED', 'PENDING')).toBe('PENDING');
    expect(nextItemStatus('FAILED', 'IN_PRODUCTION')).toBe('IN_PRODUCTION');
  });

  it('is SHIPPED when every item shipped or later, DELIVERED when every item is delivered', () => {
    expect(orderTarget(['SHIPPED', 'SHIPPED'])).toBe('SHIPPED');
    expect(orderTarget(['SHIPPED', 'DELIVERED'])).toBe('SHIPPED');
    expect(orderTarget(['DELIVERED', 'DELIVERED'])).toBe('DELIVERED');
    expect(orderTarget(['DELIVERED'])).toBe('DELIVERED');
  });

  it('is PROCESSING while some item is not there yet but one is under way, or when routed', () => {
    expect(orderTarget(['SHIPPED', 'PENDING'])).toBe('PROCESSING');
    expect(orderTarget(['DELIVERED', 'IN_PRODUCTION'])).toBe('PROCESSING');
    expect(orderTarget(['IN_PRODUCTION', 'PENDING'])).toBe('PROCESSING');
    expect(orderTarget(['DELIVERED', 'FAILED'])).toBe('PROCESSING');
    expect(orderTarget(['PENDING', 'PENDING'], true)).toBe('PROCESSING');
  });

  it('says nothing while every item waits or failed and nothing was routed', () => {
    expect(orderTarget(['PENDING', 'PENDING'])).toBeNull();
    expect(orderTarget(['FAILED'])).toBeNull();
    expect(orderTarget(['PENDING', 'FAILED'])).toBeNull();
    expect(orderTarget([])).toBeNull();
    expect(orderTarget([], true)).toBeNull();
  });

  it('walks the order along CONFIRMED -> PROCESSING -> SHIPPED -> DELIVERED one legal step at a time', () => {
    expect(stepsTo('CONFIRMED', 'PROCESSING')).toEqual(['PROCESSING']);
    expect(stepsTo('CONFIRMED', 'SHIPPED')).toEqual(['PROCESSING', 'SHIPPED']);
    expect(stepsTo('CONFIRMED', 'DELIVERED')).toEqual(['PROCESSING', 'SHIPPED', 'DELIVERED']);
    expect(stepsTo('PROCESSING', 'DELIVERED')).toEqual(['SHIPPED', 'DELIVERED']);
  });

  it('does nothing for an order there or past it, and refuses an order off the path', () => {
    expect(stepsTo('PROCESSING', 'PROCESSING')).toEqual([]);
    expect(stepsTo('SHIPPED', 'PROCESSING')).toEqual([]);
    expect(stepsTo('DELIVERED', 'SHIPPED')).toEqual([]);
    expect(stepsTo('COMPLETED', 'DELIVERED')).toEqual([]);
    for (const status of ['PENDING', 'ON_HOLD', 'CANCELLED', 'REFUNDED'] as const) expect(stepsTo(status, 'PROCESSING')).toBeNull();
  });
});
