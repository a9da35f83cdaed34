import { MetricTypeName } from '@suite/contracts/analytics';

/** What the aggregates hold for one source over one step (or the whole period). */
export interface SourceSums {
  count: number;
  /** Money in cents (exact for any realistic total). */
  cents: number;
  quantity: number;
  /** Distinct customers with rows of this source. */
  customers: number;
}
export type Sums = Partial<Record<string, SourceSums>>;

export type MetricUnit = 'money' | 'count' | 'ratio';

/** The sources each metric reads (see aggregates/facts.ts for what each holds). */
export const METRIC_SOURCES: Record<MetricTypeName, string[]> = {
  TOTAL_REVENUE: ['order.paid', 'order.refunded'],
  TOTAL_ORDERS: ['order.placed'],
  AVERAGE_ORDER_VALUE: ['order.paid'],
  CONVERSION_RATE: ['order.placed', 'checkout.started'],
  RETURN_RATE: ['return.completed', 'order.paid'],
  CUSTOMER_LIFETIME_VALUE: ['customer.paid'],
  TOP_PRODUCTS: ['product.ordered'],
  TOP_CUSTOMERS: ['customer.paid'],
  DEVICE_READINGS: ['device.reading'],
  DEVICE_UPTIME: ['device.downtime'],
  DEVICE_ALERTS: ['device.alert'],
};

export const METRIC_UNITS: Record<MetricTypeName, MetricUnit> = {
  TOTAL_REVENUE: 'money',
  TOTAL_ORDERS: 'count',
  AVERAGE_ORDER_VALUE: 'money',
  CONVERSION_RATE: 'ratio',
  RETURN_RATE: 'ratio',
  CUSTOMER_LIFETIME_VALUE: 'money',
  TOP_PRODUCTS: 'count',
  TOP_CUSTOMERS: 'money',
  DEVICE_READINGS: 'count',
  DEVICE_UPTIME: 'ratio',
  DEVICE_ALERTS: 'count',
};

export const isDeviceMetric = (metric: MetricTypeName) => metric.startsWith('DEVICE_');

const ZERO: SourceSums = { count: 0, cents: 0, quantity: 0, customers: 0 };
export const money = (cents: number) => (cents < 0 ? '-' : '') + (Math.abs(cents) / 100).toFixed(2);
const ratio = (num: number, den: number) => (den > 0 ? (num / den).toFixed(4) : null);
/** Money divided, rounded half up to the cent. */
const perUnit = (cents: number, n: number) => (n > 0 ? money(Math.round(cents / n)) : null);

/**
 * The value of a metric over sums of one step or period, as a decimal string (null: no denominator).
 *   TOTAL_REVENUE            paid - refunded
 *   TOTAL_ORDERS             orders placed
 *   AVERAGE_ORDER_VALUE      paid / payments (gross, before refunds)
 *   CONVERSION_RATE          orders placed / checkouts started
 *   RETURN_RATE              returns completed / orders paid
 *   CUSTOMER_LIFETIME_VALUE  (paid - refunded by signed-in customers) / distinct paying customers
 *   DEVICE_UPTIME            1 - seconds offline / (devices x seconds of the step)
 *   TOP_* and DEVICE_READINGS / DEVICE_ALERTS: their counts.
 */
export function metricValue(metric: MetricTypeName, sums: Sums, context: { seconds: number; devices: number }): string | null {
  const s = (source: string) => sums[source] ?? ZERO;
  switch (metric) {
    case 'TOTAL_REVENUE':
      return money(s('order.paid').cents - s('order.refunded').cents);
    case 'TOTAL_ORDERS':
      return String(s('order.placed').count);
    case 'AVERAGE_ORDER_VALUE':
      return perUnit(s('order.paid').cents, s('order.paid').count);
    case 'CONVERSION_RATE':
      return ratio(s('order.placed').count, s('checkout.started').count);
    case 'RETURN_RATE':
      return ratio(s('return.completed').count, s('order.paid').count);
    case 'CUSTOMER_LIFETIME_VALUE':
      return perUnit(s('customer.paid').cents, s('customer.paid').customers);
    case 'TOP_PRODUCTS':
      return String(s('product.ordered').quantity);
    case 'TOP_CUSTOMERS':
      return money(s('customer.paid').cents);
    case 'DEVICE_READINGS':
      return String(s('device.reading').count);
    case 'DEVICE_ALERTS':
      return String(s('device.alert').count);
    case 'DEVICE_UPTIME': {
      const span = context.devices * context.seconds;
      return span > 0 ? Math.max(0, 1 - s('device.downtime').cents / 100 / span).toFixed(4) : null;
    }
  }
}
