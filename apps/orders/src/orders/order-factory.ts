import { Injectable } from '@nestjs/common';
import { OrderPlaced } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/orders';
import { enqueueEvent, invalid, isUniqueViolationOn } from '@suite/platform';
import { formatOrderNumber, newOrderCode } from './order-code';
import { OrderEventExtras, orderEventPayload } from './order-event';
import { OrderChannel, OrderStatus, PaymentMethod, PaymentStatus } from './order-types';

export interface NewOrderItem {
  productId: string;
  /** catalog's system variant of the line, its code and the product's design: what fulfilment routes on */
  systemVariantId?: string | null;
  systemVariantCode?: string | null;
  designId?: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  /** unit price */
  price: Prisma.Decimal;
  productSnapshot?: Prisma.InputJsonValue;
}

export interface NewOrder {
  userId?: string | null;
  /** guest checkout: the guest's email, lower-cased */
  guestEmail?: string | null;
  customerId?: string | null;
  storeId?: string | null;
  channel: OrderChannel;
  platformOrderId?: string | null;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  paymentMethod?: PaymentMethod | null;
  currency: string;
  items: NewOrderItem[];
  tax: Prisma.Decimal;
  shipping: Prisma.Decimal;
  discount: Prisma.Decimal;
  shippingAddress: Prisma.InputJsonValue;
  billingAddress: Prisma.InputJsonValue;
  notes?: string | null;
  metadata?: Prisma.InputJsonValue;
  /** null while a checkout is still reserving stock: the order is not placed yet (no `placed` event) */
  placedAt: Date | null;
  stockReserved?: boolean;
  /** who placed it, for the first history row */
  actorId: string | null;
  reason: string;
  /** what the placed event says beyond the order's row (the store's team, a marketplace import) */
  event?: OrderEventExtras;
}

const CODE_ATTEMPTS = 5;

const isCodeClash = (error: unknown) => isUniqueViolationOn(error, /order_?code/i);

/**
 * The `placed` event of an order, enqueued in the transaction that sets its placedAt. Catalog reads
 * paymentMethod and stockReserved to confirm a cash-on-delivery order's reservation from it;
 * fulfilment routes the lines to the ship-to.
 */
export async function enqueuePlaced(
  tx: Prisma.TransactionClient,
  order: Parameters<typeof orderEventPayload>[0],
  extras: OrderEventExtras = {},
): Promise<void> {
  await enqueueEvent(tx, OrderPlaced, orderEventPayload(order, extras));
}

/**
 * Creates an order with its items, totals and first history row inside the transaction the caller
 * gives (import, checkout), so nothing is half-written. The `placed` event goes out only with a
 * placedAt: a checkout creates its order unplaced and emits the event when it marks it placed.
 */
@Injectable()
export class OrderFactory {
  async create(tx: Prisma.TransactionClient, input: NewOrder) {
    if (input.items.length === 0)
      throw invalid('ORDERS.NO_ITEMS', 'An order needs at least one item.', {
        errors: [{ field: 'items', messages: ['at least one item'] }],
      });
    const lines = input.items.map((item) => ({ ...item, total: item.price.mul(item.quantity) }));
    const subtotal = lines.reduce((sum, l) => sum.add(l.total), new Prisma.Decimal(0));
    const total = subtotal.add(input.tax).add(input.shipping).sub(input.discount);
    const orderNumber = await this.nextOrderNumber(tx, (input.placedAt ?? new Date()).getUTCFullYear());
    const data = {
      orderNumber,
      userId: input.userId ?? null,
      guestEmail: input.guestEmail ?? null,
      customerId: input.customerId ?? null,
      storeId: input.storeId ?? null,
      channel: input.channel,
      platformOrderId: input.platformOrderId ?? null,
      status: input.status,
      paymentStatus: input.paymentStatus,
      paymentMethod: input.paymentMethod ?? null,
      subtotal,
      tax: input.tax,
      shipping: input.shipping,
      discount: input.discount,
      total,
      currency: input.currency,
      notes: input.notes ?? null,
      shippingAddress: input.shippingAddress,
      billingAddress: input.billingAddress,
      metadata: input.metadata,
      placedAt: input.placedAt,
      stockReserved: input.stockReserved ?? false,
      items: {
        create: lines.map((l) => ({
          productId: l.productId,
          systemVariantId: l.systemVariantId ?? null,
          systemVariantCode: l.systemVariantCode ?? null,
          designId: l.designId ?? null,
          sku: l.sku,
          name: l.name,
          quantity: l.quantity,
          price: l.price,
          total: l.total,
          productSnapshot: l.productSnapshot,
        })),
      },
      statusHistory: { create: [{ fromStatus: null, toStatus: input.status, actorId: input.actorId, reason: input.reason }] },
    };
    const order = await this.insertWithFreshCode(tx, data);
    if (input.placedAt) await enqueuePlaced(tx, order, input.event);
    return order;
  }

  /** One atomic UPSERT ... RETURNING per order: concurrent orders never share a number. */
  private async nextOrderNumber(tx: Prisma.TransactionClient, year: number): Promise<string> {
    const rows = await tx.$queryRaw<{ value: number }[]>`
      INSERT INTO order_number_counters (year, value) VALUES (${year}, 1)
      ON CONFLICT (year) DO UPDATE SET value = order_number_counters.value + 1 RETURNING value`;
    return formatOrderNumber(year, Number(rows[0].value));
  }

  /**
   * A clash on the random code is retried with a new one. A failed statement aborts a PostgreSQL
   * transaction, so each attempt runs behind a savepoint; other failures (e.g. a duplicate
   * platform order id) still abort the caller's transaction.
   */
  private async insertWithFreshCode(tx: Prisma.TransactionClient, data: Omit<Prisma.OrderCreateInput, 'orderCode'>) {
    for (let attempt = 1; ; attempt++) {
      await tx.$executeRawUnsafe('SAVEPOINT order_code');
      try {
        const order = await tx.order.create({ data: { ...data, orderCode: newOrderCode() }, include: { items: true } });
        await tx.$executeRawUnsafe('RELEASE SAVEPOINT order_code');
        return order;
      } catch (error) {
        if (!isCodeClash(error) || attempt >= CODE_ATTEMPTS) throw error;
        await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT order_code');
      }
    }
  }
}
