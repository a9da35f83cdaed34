import { OrderEventPayload, OrderRefundedPayload } from '@suite/contracts/orders';
import { ConfirmOrderStockCommand } from './commands/confirm-order-stock.command';
import { ReleaseOrderStockCommand } from './commands/release-order-stock.command';
import { OrderEventsConsumer } from './order-events.consumer';

const orderId = '3f1c1b52-8f0e-4a8e-9d7a-2a9f3b8d1c01';
const base = {
  orderId,
  orderCode: 'K7M2QX9TB',
  orderNumber: 'ORD-2026-000001',
  storeId: null,
  userId: null,
  total: '10.00',
  currency: 'PHP',
};
const placed = (fields: Partial<OrderEventPayload>) => ({ ...base, status: 'PENDING', ...fields }) as OrderEventPayload;
const refunded = (fields: Partial<OrderRefundedPayload>) =>
  ({
    ...base,
    status: 'REFUNDED',
    paymentId: orderId,
    amount: '10.00',
    refundedAmount: '10.00',
    paymentStatus: 'REFUNDED',
    ...fields,
  }) as OrderRefundedPayload;

describe('OrderEventsConsumer', () => {
  const consumer = new OrderEventsConsumer();

  it('confirms at placement only what needs no payment and holds a reservation', () => {
    expect(consumer.onPlaced(placed({ status: 'CONFIRMED', paymentMethod: 'COD', stockReserved: true }))).toEqual(
      new ConfirmOrderStockCommand(orderId),
    );
    expect(consumer.onPlaced(placed({ paymentMethod: 'GCASH', stockReserved: true }))).toBeUndefined();
    expect(consumer.onPlaced(placed({ status: 'CONFIRMED', stockReserved: false }))).toBeUndefined();
    // older events carry neither field: a CONFIRMED one is looked at, rows decide
    expect(consumer.onPlaced(placed({ status: 'CONFIRMED' }))).toEqual(new ConfirmOrderStockCommand(orderId));
  });

  it('confirms on payment, releases on cancel', () => {
    expect(consumer.onPaid(placed({ status: 'CONFIRMED', stockReserved: true }))).toEqual(new ConfirmOrderStockCommand(orderId));
    expect(consumer.onPaid(placed({ status: 'CONFIRMED', stockReserved: false }))).toBeUndefined();
    expect(consumer.onCancelled({ ...placed({ status: 'CANCELLED' }), reason: 'changed mind' })).toEqual(
      new ReleaseOrderStockCommand(orderId),
    );
  });

  it('releases on a full refund of goods that never shipped, only', () => {
    expect(consumer.onRefunded(refunded({ shipped: false }))).toEqual(new ReleaseOrderStockCommand(orderId));
    expect(consumer.onRefunded(refunded({ shipped: true }))).toBeUndefined();
    expect(consumer.onRefunded(refunded({ shipped: false, paymentStatus: 'PARTIALLY_REFUNDED' }))).toBeUndefined();
    expect(consumer.onRefunded(refunded({}))).toBeUndefined();
  });
});
