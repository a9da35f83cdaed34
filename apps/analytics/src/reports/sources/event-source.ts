import type { ReportTypeName } from '@suite/contracts/analytics';
import type { ColumnDef, ReportSource, SourceQuery, SourceScope } from './report-source';

const meta = (key: string) => `e.metadata->>'${key}'`;
const text = (key: string, label: string, sql = meta(key)): ColumnDef => ({ key, label, kind: 'text', sql, groupable: true });
const num = (key: string, label: string): ColumnDef => ({
  key,
  label,
  kind: 'number',
  // A payload whose field is not a number yields NULL instead of failing the whole report.
  sql: `(CASE WHEN ${meta(key)} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN (${meta(key)})::numeric END)`,
  groupable: false,
});

/** Columns every event has. */
export const EVENT_COLUMNS: ColumnDef[] = [
  { key: 'timestamp', label: 'Time (UTC)', kind: 'time', sql: 'e.timestamp', groupable: false },
  text('day', 'Day (UTC)', `to_char(e.timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD')`),
  text('eventType', 'Event', 'e.event_type'),
  text('entityType', 'Entity', 'e.entity_type'),
  text('entityId', 'Entity id', 'e.entity_id'),
  text('userId', 'User', 'e.user_id'),
];

export interface EventSourceSpec {
  type: ReportTypeName;
  eventPatterns: string[];
  columns: ColumnDef[];
  defaultColumns: string[];
}

/** Rows of AnalyticsEvent for one report type: its event types, with the payload fields that type has. */
export class EventReportSource implements ReportSource {
  readonly type: ReportTypeName;
  readonly columns: readonly ColumnDef[];
  readonly defaultColumns: readonly string[];
  readonly eventPatterns: readonly string[];
  readonly timeColumn = 'timestamp';

  constructor(spec: EventSourceSpec) {
    this.type = spec.type;
    this.columns = [...EVENT_COLUMNS, ...spec.columns];
    this.defaultColumns = spec.defaultColumns;
    this.eventPatterns = spec.eventPatterns;
  }

  query({ filters, teamId }: SourceScope): SourceQuery {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where = [`(${this.eventPatterns.map((pattern) => `e.event_type LIKE ${p(pattern)}`).join(' OR ')})`];
    if (filters.eventTypes?.length) where.push(`e.event_type = ANY(${p(filters.eventTypes)}::text[])`);
    if (filters.from) where.push(`e.timestamp >= ${p(filters.from)}`);
    if (filters.to) where.push(`e.timestamp < ${p(filters.to)}`);
    if (filters.storeIds?.length) where.push(`${meta('storeId')} = ANY(${p(filters.storeIds)}::text[])`);
    if (filters.status) where.push(`${meta('status')} = ${p(filters.status)}`);
    // A team's report sees only events its stores produced (the payload's teamId, set by the owning service).
    if (teamId) where.push(`${meta('teamId')} = ${p(teamId)}`);
    return { from: `FROM analytics_event e WHERE ${where.join(' AND ')}`, params };
  }
}

const ORDER_COLUMNS = [
  text('orderCode', 'Order'),
  text('status', 'Status'),
  text('storeId', 'Store'),
  text('teamId', 'Team'),
  text('currency', 'Currency'),
  text('paymentMethod', 'Payment'),
  num('total', 'Total'),
];
const orderSource = (type: ReportTypeName) =>
  new EventReportSource({
    type,
    eventPatterns: ['evt.orders.order.%', 'evt.orders.payment.%'],
    columns: ORDER_COLUMNS,
    defaultColumns: ['timestamp', 'eventType', 'orderCode', 'status', 'storeId', 'currency', 'total'],
  });

/** One source per ReportType; swapped for aggregate-backed ones type by type. */
export const EVENT_SOURCES: ReportSource[] = [
  orderSource('ORDERS'),
  orderSource('SALES'),
  orderSource('REVENUE'),
  orderSource('FINANCIAL'),
  new EventReportSource({
    type: 'CUSTOMER',
    eventPatterns: ['evt.orders.customer.%', 'evt.identity.user.%'],
    columns: [text('customerId', 'Customer'), text('storeId', 'Store'), text('teamId', 'Team')],
    defaultColumns: ['timestamp', 'eventType', 'entityId', 'userId'],
  }),
  new EventReportSource({
    type: 'USERS',
    eventPatterns: ['evt.identity.%'],
    columns: [text('teamId', 'Team')],
    defaultColumns: ['timestamp', 'eventType', 'userId'],
  }),
  new EventReportSource({
    type: 'PRODUCTS',
    eventPatterns: ['evt.catalog.product.%', 'evt.catalog.variant.%'],
    columns: [
      text('productId', 'Product'),
      text('storeId', 'Store'),
      text('teamId', 'Team'),
      text('status', 'Status'),
      num('price', 'Price'),
    ],
    defaultColumns: ['timestamp', 'eventType', 'productId', 'storeId', 'price'],
  }),
  new EventReportSource({
    type: 'INVENTORY',
    eventPatterns: ['evt.catalog.stock.%', 'evt.fulfillment.inventory.%'],
    columns: [
      text('productId', 'Product'),
      text('storeId', 'Store'),
      text('teamId', 'Team'),
      num('stock', 'Stock'),
      num('minStock', 'Min stock'),
    ],
    defaultColumns: ['timestamp', 'eventType', 'productId', 'stock', 'minStock'],
  }),
  new EventReportSource({
    type: 'FULFILLMENT',
    eventPatterns: ['evt.fulfillment.%'],
    columns: [
      text('fulfillmentId', 'Fulfillment'),
      text('orderId', 'Order'),
      text('factoryId', 'Factory'),
      text('teamId', 'Team'),
      text('status', 'Status'),
    ],
    defaultColumns: ['timestamp', 'eventType', 'fulfillmentId', 'orderId', 'factoryId', 'status'],
  }),
  new EventReportSource({
    type: 'DEVICES',
    eventPatterns: ['evt.iot-telemetry.%'],
    columns: [text('deviceId', 'Device'), text('sensorId', 'Sensor'), num('value', 'Value')],
    defaultColumns: ['timestamp', 'eventType', 'deviceId', 'sensorId', 'value'],
  }),
  new EventReportSource({
    type: 'CUSTOM',
    eventPatterns: ['%'],
    columns: [
      text('storeId', 'Store'),
      text('teamId', 'Team'),
      text('status', 'Status'),
      num('total', 'Total'),
      text('metadata', 'Metadata', 'e.metadata::text'),
    ],
    defaultColumns: ['timestamp', 'eventType', 'entityType', 'entityId', 'userId'],
  }),
];
