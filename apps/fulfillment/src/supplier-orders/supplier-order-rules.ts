import { randomBytes } from 'node:crypto';
import { SupplierOrderItemDto, SupplierOrderStatus, SupplierOrderStatusChanged, SupplierOrderView } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { enqueueEvent, FieldViolation, invalid, notFound } from '@suite/platform';
import { money } from '../supplier-variants/supplier-variant-rules';
import { SupplierOrderLine } from './adapters/supplier-adapter';

export type SupplierOrderRow = Prisma.SupplierOrderModel;
type VariantRow = Prisma.SupplierVariantModel;

export const supplierOrderNotFound = () =>
  notFound('FULFILLMENT.SUPPLIER_ORDER_NOT_FOUND', 'No such supplier order.', {
    errors: [{ field: 'supplierOrderId', messages: ['supplier order not found'] }],
  });

export const linesOf = (row: SupplierOrderRow): SupplierOrderLine[] => (row.items as unknown as SupplierOrderLine[]) ?? [];

const cents = (amount: string): bigint => BigInt(Math.round(Number(amount) * 100));
const fromCents = (c: bigint): string => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`;

export const lineTotal = (line: { quantity: number; unitPrice: string }): string =>
  fromCents(cents(line.unitPrice) * BigInt(line.quantity));
export const orderTotal = (lines: { quantity: number; unitPrice: string }[]): string =>
  fromCents(lines.reduce((sum, l) => sum + cents(l.unitPrice) * BigInt(l.quantity), 0n));

export const toSupplierOrderView = (o: SupplierOrderRow): SupplierOrderView => ({
  id: o.id,
  factoryId: o.factoryId,
  fulfillmentId: o.fulfillmentId,
  orderNumber: o.orderNumber,
  status: o.status as SupplierOrderStatus,
  items: linesOf(o).map((l) => ({
    supplierVariantId: l.supplierVariantId,
    supplierVariantCode: l.supplierVariantCode,
    systemVariantCode: l.systemVariantCode,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    lineTotal: lineTotal(l),
  })),
  total: o.total === null ? null : o.total.toFixed(2),
  externalId: o.externalId,
  rejectionReason: o.rejectionReason,
  trackingNumber: o.trackingNumber,
  carrier: o.carrier,
  orderedAt: o.orderedAt?.toISOString() ?? null,
  expectedAt: o.expectedAt?.toISOString() ?? null,
  receivedAt: o.receivedAt?.toISOString() ?? null,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});

/**
 * The order's lines priced from the factory's variants. Every problem is named by its field: a variant
 * that is not this factory's (or unknown), unavailable, repeated, or ordered below its minimumQuantity.
 */
export function priceLines(items: SupplierOrderItemDto[], variants: VariantRow[]): SupplierOrderLine[] {
  const byId = new Map(variants.map((v) => [v.id, v]));
  const violations: FieldViolation[] = [];
  const seen = new Set<string>();
  const lines: SupplierOrderLine[] = [];
  items.forEach((item, i) => {
    const v = byId.get(item.supplierVariantId);
    if (!v) return violations.push({ field: `items[${i}].supplierVariantId`, messages: ["not one of this factory's supplier variants"] });
    if (seen.has(v.id)) return violations.push({ field: `items[${i}].supplierVariantId`, messages: ['repeats an earlier item'] });
    seen.add(v.id);
    if (!v.isAvailable)
      return violations.push({ field: `items[${i}].supplierVariantId`, messages: ['this supplier variant is unavailable'] });
    if (item.quantity < v.minimumQuantity)
      return violations.push({
        field: `items[${i}].quantity`,
        messages: [`must be at least the variant's minimumQuantity ${v.minimumQuantity}`],
      });
    lines.push({
      supplierVariantId: v.id,
      supplierVariantCode: v.supplierVariantCode,
      supplierSku: v.supplierSku,
      systemVariantCode: v.systemVariantCode,
      quantity: item.quantity,
      unitPrice: money(v.supplierPrice),
      leadTime: v.leadTime,
    });
  });
  if (violations.length > 0)
    throw invalid('FULFILLMENT.SUPPLIER_ORDER_ITEMS_INVALID', `Invalid input: ${violations.map((v) => v.field).join(', ')}.`, {
      errors: violations,
    });
  return lines;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the goods are due: from the moment ordered, plus the longest lead time among the lines. */
export const expectedFrom = (from: Date, lines: { leadTime: number }[]): Date =>
  new Date(from.getTime() + Math.max(0, ...lines.map((l) => l.leadTime)) * DAY_MS);

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** SO-<yyyymmdd>-<6 random characters>, e.g. SO-20261202-K7WQ3M. */
export function generateOrderNumber(now = new Date()): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, '');
  const suffix = [...randomBytes(6)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `SO-${date}-${suffix}`;
}

/** Tells others (routing may re-route on REJECTED/CANCELLED) that the order moved, in the transaction that moved it. */
export async function statusChanged(
  tx: Prisma.TransactionClient,
  previousStatus: string,
  order: SupplierOrderRow,
  source: 'API' | 'PROVIDER',
): Promise<void> {
  if (previousStatus === order.status) return;
  await enqueueEvent(tx, SupplierOrderStatusChanged, {
    supplierOrderId: order.id,
    orderNumber: order.orderNumber,
    factoryId: order.factoryId,
    fulfillmentId: order.fulfillmentId,
    previousStatus: previousStatus as SupplierOrderStatus,
    status: order.status as SupplierOrderStatus,
    reason: order.status === 'REJECTED' || order.status === 'CANCELLED' ? order.rejectionReason : null,
    trackingNumber: order.trackingNumber,
    carrier: order.carrier,
    source,
  });
}

/** What a supplier order's new status does to the fulfillment it was placed for (null: nothing). */
export interface FulfillmentFollowUp {
  status: 'IN_PRODUCTION' | 'SHIPPED' | 'FAILED';
  trackingNumber?: string | null;
  carrier?: string | null;
  reason?: string;
}

/**
 * ACCEPTED or IN_PRODUCTION: the fulfillment is IN_PRODUCTION; SHIPPED: SHIPPED with the order's tracking
 * number and carrier; REJECTED or CANCELLED: FAILED with the reason (and so re-routed). Any other status
 * (DRAFT, SUBMITTED, RECEIVED) leaves the fulfillment where it is.
 */
export function fulfillmentFollowUp(order: {
  orderNumber: string;
  status: string;
  rejectionReason: string | null;
  trackingNumber: string | null;
  carrier: string | null;
}): FulfillmentFollowUp | null {
  switch (order.status) {
    case 'ACCEPTED':
    case 'IN_PRODUCTION':
      return { status: 'IN_PRODUCTION' };
    case 'SHIPPED':
      return { status: 'SHIPPED', trackingNumber: order.trackingNumber, carrier: order.carrier };
    case 'REJECTED':
    case 'CANCELLED':
      return {
        status: 'FAILED',
        reason: `supplier order ${order.orderNumber} ${order.status.toLowerCase()}${order.rejectionReason ? `: ${order.rejectionReason}` : ''}`,
      };
    default:
      return null;
  }
}
