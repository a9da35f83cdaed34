/** The web shop: the buyer's own order, placed at checkout and waiting for its GCash payment. */
import { Api, itemsOf } from './http';
import type { People } from './identity';
import type { Catalog } from './catalog';
import type { SeededOrder } from './orders';

const PRODUCT = 'Shiitake Mug';
/** The same key and body return the same order, so the checkout itself cannot place a second one. */
const CHECKOUT_KEY = 'demo-seed-buyer-checkout-1';

export async function seedShopOrder(api: Api, people: People, catalog: Catalog): Promise<SeededOrder> {
  const token = people.buyer.token;
  const [placed] = await api.list('/orders', token);
  if (placed) return { id: placed.id, stage: 'PLACED', orderCode: placed.orderCode };

  const addresses = itemsOf(await api.call('GET', '/customers/me/addresses', { token }));
  const address =
    addresses[0] ??
    (await api.call('POST', '/customers/me/addresses', {
      token,
      body: {
        firstName: 'Ben',
        lastName: 'Santos',
        street1: '12 Rizal St',
        city: 'Makati',
        state: 'Metro Manila',
        postalCode: '1200',
        country: 'PH',
      },
    }));
  const cart = await api.call('POST', '/carts', { token });
  if (!cart.items?.some((i: { productId: string }) => i.productId === catalog.products[PRODUCT])) {
    await api.call('POST', `/carts/${cart.id}/items`, { token, body: { productId: catalog.products[PRODUCT], quantity: 2 } });
  }
  const order = await api.call('POST', '/checkout', {
    token,
    headers: { 'idempotency-key': CHECKOUT_KEY },
    body: { cartId: cart.id, shippingAddressId: address.id, paymentMethod: 'GCASH', notes: 'Demo: awaiting GCash payment' },
    idempotent: true, // the Idempotency-Key
  });
  return { id: order.id, stage: 'PLACED', orderCode: order.orderCode };
}
