import { ExportFilters } from '@suite/contracts/core';
import { ExportQuery, isoTime, sqlParams } from '@suite/platform';

/** The order access rules as SQL: staff every order; anyone else their own orders and their teams' stores' orders. */
export type OrderScope = { all: true } | { userId: string | null; storeIds: string[] };

function scopeCondition(scope: OrderScope, p: ReturnType<typeof sqlParams>): string[] {
  if ('all' in scope) return [];
  const visible = [
    ...(scope.userId ? [`o.user_id = ${p(scope.userId, '::uuid')}`] : []),
    ...(scope.storeIds.length ? [`o.store_id = ANY(${p(scope.storeIds, '::uuid[]')})`] : []),
  ];
  return [visible.length ? `(${visible.join(' OR ')})` : 'false'];
}

const dateRange = (column: string, f: ExportFilters, p: ReturnType<typeof sqlParams>) => [
  ...(f.from ? [`${column} >= ${p(f.from, '::timestamptz')}`] : []),
  ...(f.to ? [`${column} < ${p(f.to, '::timestamptz')}`] : []),
];

/** Placed orders, one row each, money as stored; the items as `sku x quantity` joined by `|`. */
export function orderExport(f: ExportFilters, scope: OrderScope): ExportQuery {
  const params: unknown[] = [];
  const p = sqlParams(params);
  const where = [
    'o.placed_at IS NOT NULL',
    ...scopeCondition(scope, p),
    ...(f.status ? [`o.status = ${p(f.status, '::"OrderStatus"')}`] : []),
    ...(f.storeId ? [`o.store_id = ${p(f.storeId, '::uuid')}`] : []),
    ...dateRange('o.created_at', f, p),
  ];
  return {
    columns: {
      id: 'o.id',
      orderCode: 'o.order_code',
      orderNumber: 'o.order_number',
      storeId: 'o.store_id',
      userId: 'o.user_id',
      customerId: 'o.customer_id',
      channel: 'o.channel',
      platformOrderId: 'o.platform_order_id',
      status: 'o.status',
      paymentStatus: 'o.payment_status',
      paymentMethod: 'o.payment_method',
      subtotal: 'o.subtotal',
      tax: 'o.tax',
      shipping: 'o.shipping',
      discount: 'o.discount',
      total: 'o.total',
      currency: 'o.currency',
      trackingNumber: 'o.tracking_number',
      itemCount: '(SELECT count(*) FROM order_items i WHERE i.order_id = o.id)',
      placedAt: isoTime('o.placed_at'),
      createdAt: isoTime('o.created_at'),
      updatedAt: isoTime('o.updated_at'),
    },
    from: 'orders o',
    where,
    params,
    key: 'o.id',
  };
}

/** Money movements (charges, refunds...) of the orders the caller may see; a transaction with no order is staff's only. */
export function transactionExport(f: ExportFilters, scope: OrderScope): ExportQuery {
  const params: unknown[] = [];
  const p = sqlParams(params);
  const where = [
    ...('all' in scope ? [] : ['o.id IS NOT NULL', ...scopeCondition(scope, p)]),
    ...(f.status ? [`t.status = ${p(f.status, '::"TransactionStatus"')}`] : []),
    ...dateRange('t.created_at', f, p),
  ];
  return {
    columns: {
      id: 't.id',
      orderId: 't.order_id',
      orderCode: 'o.order_code',
      paymentId: 't.payment_id',
      type: 't.type',
      amount: 't.amount',
      currency: 't.currency',
      status: 't.status',
      reference: 't.reference',
      returnId: 't.return_id',
      createdAt: isoTime('t.created_at'),
    },
    from: 'transactions t LEFT JOIN orders o ON o.id = t.order_id',
    where,
    params,
    key: 't.id',
  };
}
