import { MetricQuery, MetricScopeQuery } from '@suite/contracts/analytics';
import { badField } from './metrics-access';
import { isDeviceMetric } from './metric-math';

const COMMERCE_FILTERS = ['storeId', 'teamId', 'channel', 'productId', 'category'] as const;
/** Only order lines know their product (and its category): payments, returns and checkouts do not. */
const PER_PRODUCT = new Set(['TOTAL_ORDERS', 'TOP_PRODUCTS']);

/** Refuses a filter or breakdown the metric's aggregates do not have, naming the field. */
export function checkMetricQuery(q: MetricQuery): void {
  const device = isDeviceMetric(q.metric);
  if (device) {
    for (const field of COMMERCE_FILTERS)
      if (q[field] !== undefined) throw badField(field, `${field} does not apply to ${q.metric}: device metrics are per device`);
    if (q.dimension && q.dimension !== 'device') throw badField('dimension', `${q.metric} can only be broken down by device`);
    return;
  }
  if (q.deviceId !== undefined) throw badField('deviceId', `deviceId applies to DEVICE_* metrics only`);
  if (q.dimension === 'device') throw badField('dimension', `${q.metric} cannot be broken down by device`);
  if (q.metric.startsWith('TOP_') && q.dimension)
    throw badField('dimension', `${q.metric} is a ranking: filter it instead of breaking it down`);
  const productLevel = q.productId !== undefined || q.category !== undefined || q.dimension === 'product' || q.dimension === 'category';
  if (productLevel && !PER_PRODUCT.has(q.metric)) {
    const field = q.productId !== undefined ? 'productId' : q.category !== undefined ? 'category' : 'dimension';
    throw badField(field, `${q.metric} has no product or category: order events carry no line prices; use TOTAL_ORDERS or TOP_PRODUCTS`);
  }
  if (q.metric === 'RETURN_RATE' && (q.channel !== undefined || q.dimension === 'channel' || q.dimension === 'platform'))
    throw badField(q.channel !== undefined ? 'channel' : 'dimension', 'returns do not carry a channel');
}

/** The dashboard reads store, team, channel and device filters; product ones belong to a single metric. */
export function checkDashboardQuery(q: MetricScopeQuery): void {
  for (const field of ['productId', 'category'] as const)
    if (q[field] !== undefined)
      throw badField(field, `${field} does not apply to the dashboard: ask /analytics/metrics for TOTAL_ORDERS or TOP_PRODUCTS`);
}
