import { operation } from '@suite/contracts/identity';
import { CheckoutDto, CheckoutRequest, CheckoutView, OrderLookupQuery, OrderLookupRequest } from './checkout.dto';
import { OrderView } from './orders.dto';
import { OrdersSubjects } from './subjects';

/**
 * Checkout: the orders service runs the saga (key, order, stock, placement) and checks the key. The
 * route is public so guests can check out their X-Session-Id cart; a signed-in caller's token still
 * makes it theirs, and the service then requires `orders:create` of them as before.
 */
export const CheckoutCreate = operation({
  subject: OrdersSubjects.CheckoutCreate,
  request: CheckoutRequest,
  response: CheckoutView,
  http: {
    method: 'POST',
    path: 'checkout',
    public: true,
    body: CheckoutDto,
    headers: {
      idempotencyKey: {
        name: 'idempotency-key',
        required: true,
        description: '8-128 of A-Z a-z 0-9 _ -; a retry with the same key and body returns the same order',
      },
      sessionId: {
        name: 'x-session-id',
        description: 'Guests: the X-Session-Id of their cart (then email and shippingAddress are required)',
      },
    },
    timeoutMs: 30000,
    summary: "Turn the caller's ACTIVE cart into an order: stock is reserved, COD orders are confirmed at once, others await payment",
  },
});

/** A guest's order: a wrong code or token is 404 either way, so the answer never tells whether the order exists. */
export const OrderLookup = operation({
  subject: OrdersSubjects.OrderLookup,
  request: OrderLookupRequest,
  response: OrderView,
  http: {
    method: 'GET',
    path: 'orders/lookup',
    public: true,
    query: OrderLookupQuery,
    headers: { token: { name: 'x-order-token', required: true, description: 'The lookupToken of the guest checkout answer' } },
    summary: 'A guest order by its orderCode and the lookup token its checkout answered',
  },
});

export const CheckoutOperations = [CheckoutCreate, OrderLookup];
