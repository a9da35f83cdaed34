/**
 * The variables a notification template may use, per event type. A template is checked against this
 * when it is saved (an unknown variable is a 400 naming it), so a typo never reaches a recipient.
 * Every event type has the common ones; the alerts side fills `variables` of NotifyRequest with them.
 */
export const COMMON_TEMPLATE_VARIABLES = [
  'title',
  'message',
  'category',
  'priority',
  'kind',
  'eventType',
  'count',
  'alertIds',
  'groupKey',
] as const;

export const TEMPLATE_VARIABLES: Record<string, readonly string[]> = {
  'evt.iot-telemetry.threshold.breached': ['deviceId', 'deviceName', 'sensorId', 'sensorType', 'value', 'unit', 'threshold', 'operator'],
  'evt.iot-telemetry.threshold.cleared': ['deviceId', 'deviceName', 'sensorId', 'sensorType', 'value', 'unit', 'threshold'],
  'evt.iot-telemetry.device.offline': ['deviceId', 'deviceName', 'lastSeenAt'],
  'evt.iot-telemetry.device.online': ['deviceId', 'deviceName'],
  'evt.catalog.stock.low': ['productId', 'productName', 'sku', 'stock', 'threshold'],
  'evt.orders.payment.failed': ['orderId', 'orderCode', 'storeId', 'amount', 'currency', 'reason'],
  'evt.orders.order.on-hold': ['orderId', 'orderCode', 'storeId', 'reason'],
  'evt.orders.order.refunded': ['orderId', 'orderCode', 'storeId', 'amount', 'currency'],
  'evt.fulfillment.fulfillment.held': ['fulfillmentId', 'orderId', 'reason'],
  'evt.fulfillment.fulfillment.status-changed': ['fulfillmentId', 'orderId', 'status'],
  'evt.logistics.shipment-exception.raised': [
    'exceptionId',
    'shipmentId',
    'orderId',
    'type',
    'severity',
    'description',
    'carrier',
    'trackingNumber',
  ],
  'evt.analytics.report.ready': ['reportId', 'executionId', 'reportName', 'format', 'rowCount', 'downloadUrl'],
  'evt.identity.security': ['userId', 'ipAddress', 'action'],
  /** POST /notifications/test */
  'notification.test': ['channel'],
};

export function templateVariablesFor(eventType: string): string[] {
  return [...COMMON_TEMPLATE_VARIABLES, ...(TEMPLATE_VARIABLES[eventType] ?? [])];
}
