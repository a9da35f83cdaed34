import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Account, identityClient } from './identity-client';
import { json } from './stack';

/** A store of a team that exists only by id (the checkout specs need its products, not its team). */
export async function insertStore(catalogDb: Client): Promise<string> {
  const id = randomUUID();
  await catalogDb.query("INSERT INTO stores (id, team_id, name, platform, updated_at) VALUES ($1, $2, 'Spores', 'SHOPIFY', now())", [
    id,
    randomUUID(),
  ]);
  return id;
}

/** What the checkout specs set up again and again: an ACTIVE product in a store, and a buyer with an address and a cart holding it. */
export function shopFixtures(client: ReturnType<typeof identityClient>, catalogDb: () => Client, storeId: () => string) {
  const { call, account } = client;
  const product = async (stock: number, name = 'Oyster mug'): Promise<string> => {
    const id = randomUUID();
    await catalogDb().query(
      "INSERT INTO products (id, store_id, name, sku, slug, price, stock, max_cart_qty, status, updated_at) VALUES ($1, $2, $3, $4, $4, '19.99', $5, 10, 'ACTIVE', now())",
      [id, storeId(), name, `sku-${id}`, stock],
    );
    return id;
  };
  /** A buyer with an address and an ACTIVE cart holding `quantity` of the product. */
  const buyer = async (productId: string, quantity = 1): Promise<{ user: Account; cartId: string; addressId: string }> => {
    const user = await account();
    const created = await call('POST', '/customers/me/addresses', {
      token: user.token,
      body: { firstName: 'Ana', lastName: 'Cruz', street1: '1 Rizal St', city: 'Makati', state: 'Metro Manila', postalCode: '1200' },
    });
    if (created.status !== 201) throw new Error(`address answered ${created.status}: ${await created.text()}`);
    const address = await json(created);
    const cart = await json(await call('POST', '/carts', { token: user.token }));
    const added = await call('POST', `/carts/${cart.id}/items`, { token: user.token, body: { productId, quantity } });
    if (added.status !== 200) throw new Error(`add answered ${added.status}: ${await added.text()}`);
    return { user, cartId: cart.id as string, addressId: address.id as string };
  };
  const stockOf = async (productId: string) =>
    (await catalogDb().query('SELECT stock FROM products WHERE id = $1', [productId])).rows[0].stock as number;
  return { product, buyer, stockOf };
}
