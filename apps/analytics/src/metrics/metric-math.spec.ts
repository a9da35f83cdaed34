import { metricValue, Sums } from './metric-math';

describe('metric math over aggregate sums', () => {
  const sums: Sums = {
    'order.placed': { count: 4, cents: 40000, quantity: 0, customers: 0 },
    'order.paid': { count: 3, cents: 30001, quantity: 0, customers: 0 },
    'order.refunded': { count: 1, cents: 2500, quantity: 0, customers: 0 },
    'checkout.started': { count: 10, cents: 0, quantity: 0, customers: 0 },
    'return.completed': { count: 1, cents: 0, quantity: 0, customers: 0 },
    'customer.paid': { count: 3, cents: 27501, quantity: 0, customers: 2 },
    'product.ordered': { count: 5, cents: 0, quantity: 9, customers: 0 },
    'device.downtime': { count: 1, cents: 3600 * 100, quantity: 0, customers: 0 },
    'device.alert': { count: 2, cents: 0, quantity: 0, customers: 0 },
  };
  const ctx = { seconds: 86400, devices: 2 };

  it('computes revenue net of refunds, AOV on gross payments, rates and CLV', () => {
    expect(metricValue('TOTAL_REVENUE', sums, ctx)).toBe('275.01');
    expect(metricValue('TOTAL_ORDERS', sums, ctx)).toBe('4');
    expect(metricValue('AVERAGE_ORDER_VALUE', sums, ctx)).toBe('100.00'); // 300.01 / 3 rounded to the cent
    expect(metricValue('CONVERSION_RATE', sums, ctx)).toBe('0.4000');
    expect(metricValue('RETURN_RATE', sums, ctx)).toBe('0.3333');
    expect(metricValue('CUSTOMER_LIFETIME_VALUE', sums, ctx)).toBe('137.51'); // 275.01 / 2, half up
    expect(metricValue('TOP_PRODUCTS', sums, ctx)).toBe('9');
    expect(metricValue('TOP_CUSTOMERS', sums, ctx)).toBe('275.01');
  });

  it('gives device uptime against every device of the scope, and alerts and readings as counts', () => {
    expect(metricValue('DEVICE_UPTIME', sums, ctx)).toBe('0.9792'); // 1 - 3600 / (2 x 86400)
    expect(metricValue('DEVICE_ALERTS', sums, ctx)).toBe('2');
    expect(metricValue('DEVICE_READINGS', sums, ctx)).toBe('0');
  });

  it('answers null where the denominator is zero and zero where nothing happened', () => {
    expect(metricValue('AVERAGE_ORDER_VALUE', {}, ctx)).toBeNull();
    expect(metricValue('CONVERSION_RATE', {}, ctx)).toBeNull();
    expect(metricValue('RETURN_RATE', {}, ctx)).toBeNull();
    expect(metricValue('CUSTOMER_LIFETIME_VALUE', {}, ctx)).toBeNull();
    expect(metricValue('DEVICE_UPTIME', {}, { seconds: 86400, devices: 0 })).toBeNull();
    expect(metricValue('TOTAL_REVENUE', {}, ctx)).toBe('0.00');
    expect(metricValue('TOTAL_REVENUE', { 'order.refunded': { count: 1, cents: 150, quantity: 0, customers: 0 } }, ctx)).toBe('-1.50');
  });
});
