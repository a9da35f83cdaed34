import { operation } from '@suite/contracts/identity';
import { CheckoutDto, CheckoutRequest } from './checkout.dto';
import { OrderView } from './orders.dto';
import { OrdersSubjects } from './subjects';

/** Checkout: the orders service runs the saga (key, order, stock, placement) and checks the key. */
export const CheckoutCreate = operation({
  subject: OrdersSubjects.CheckoutCreate,
  request: CheckoutRequest,
  response: OrderView,
  permissions: ['orders:create'],
  http: {
    method: 'POST',
    path: 'checkout',
    body: CheckoutDto,
    headers: {
      idempotencyKey: {
        name: 'idempotency-key',
        required: true,
        description: '8-128 of A-Z a-z 0-9 _ -; a retry with the same key and body returns the same order',
      },
    },
    timeoutMs: 30000,
    summary: "Turn the caller's ACTIVE cart into an order: stock is reserved, COD orders are confirmed at once, others await payment",
  },
});

export const CheckoutOperations = [CheckoutCreate];
