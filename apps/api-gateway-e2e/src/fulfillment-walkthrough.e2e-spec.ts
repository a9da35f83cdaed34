// The README's Fulfillment walk-through, as a test: everything through the API, across identity, catalog,
// orders and fulfillment, with the events between them doing the work (orders -> fulfillment -> orders).
import { eventually } from './processes';
import { identityClient, ROOT } from './identity-client';
import { json, Stack, startStack } from './stack';

describe('fulfillment walk-through: factory -> supplier variant -> an order -> its routing', () => {
  let stack: Stack;
  const { call, root } = identityClient(() => stack);

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'orders', 'fulfillment'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
    });
  }, 120000);

  afterAll(() => stack?.stop());

  it('routes an imported Shopify order to the factory that ships to its country, explains why, and moves the order', async () => {
    const { token } = await root();
    const post = async (path: string, body: unknown, status = 201) => {
      const response = await call('POST', path, { token, body });
      const answer = await json(response);
      expect([path, response.status, response.status === status ? '' : answer]).toEqual([path, status, '']);
      return answer;
    };
    // Catalog: a team's Shopify store, a product and its system variant (the 5-character code factories map).
    const team = await post('/teams', { name: 'Spore Merch' });
    const store = await post('/stores', { teamId: team.id, name: 'Spore Merch', platform: 'SHOPIFY', currency: 'USD' });
    const product = await post('/products', { storeId: store.id, name: 'Oyster Mushroom Tee', price: '24.99', status: 'ACTIVE' });
    const variant = await post(`/products/${product.id}/variants`, { size: 'M', color: 'Black', price: '24.99', stock: 100 });

    // Fulfillment: two printers, one shipping to the US and one to the Philippines, both making the variant.
    const factory = async (code: string, country: string, zone: string, price: string) => {
      const created = await post('/factories', {
        name: `Printer ${code}`,
        code,
        supplierType: 'PRINTER',
        capacity: 500,
        printMethods: ['DTG'],
      });
      await post(`/factories/${created.id}/locations`, {
        name: 'Plant',
        locationType: 'PRODUCTION',
        address1: '1 Main St',
        city: 'Somewhere',
        country,
        shippingZones: [zone],
      });
      await post('/supplier-variants', {
        factoryId: created.id,
        systemVariantCode: variant.code,
        supplierProductCode: 'TEE-01',
        supplierVariantCode: `TEE-01-M-BLK-${code}`,
        supplierPrice: price,
        leadTime: 3,
      });
      return created;
    };
    const portland = await factory(`PDX-${Date.now()}`, 'US', 'US', '9.50');
    const manila = await factory(`MNL-${Date.now()}`, 'Philippines', 'PH', '6.00');

    // Orders: the marketplace order, its line's SKU being the variant's code, shipping to Oregon.
    const order = await post(`/orders/import/${store.id}`, {
      id: Date.now(),
      currency: 'USD',
      processed_at: new Date().toISOString(),
      email: 'ana.reyes@example.com',
      line_items: [{ sku: variant.code, title: 'Oyster Mushroom Tee - M / Black', quantity: 2, price: '24.99' }],
      total_price: '49.98',
      shipping_address: {
        first_name: 'Ana',
        last_name: 'Reyes',
        address1: '1 Pine St',
        city: 'Portland',
        province_code: 'OR',
        zip: '97205',
        country_code: 'US',
      },
    });

    // Routed: the cheaper Manila printer does not ship to the US, so Portland gets it, and the decision says so.
    const [fulfillment] = await eventually(
      async (): Promise<{ id: string }[]> => (await json(await call('GET', `/fulfillments?orderId=${order.id}`, { token }))).items,
      (items: { id: string }[]) => items?.length === 1,
    );
    expect(fulfillment).toMatchObject({ orderId: order.id, factoryId: portland.id, status: 'PENDING' });
    const routing = await json(await call('GET', `/fulfillments/${fulfillment.id}/routing`, { token }));
    const decision = JSON.stringify(routing);
    expect(decision).toContain(portland.id);
    expect(decision).toContain(manila.id);
    expect(decision).toMatch(/zone|ship/i); // Manila is refused for the destination

    // Orders follows fulfillment: the order is PROCESSING once it is routed.
    const followed = await eventually(
      async (): Promise<{ status: string; items: unknown[] }> => json(await call('GET', `/orders/${order.id}`, { token })),
      (o: { status: string; items: unknown[] }) => o.status === 'PROCESSING',
    );
    expect(followed.items[0]).toMatchObject({ systemVariantCode: variant.code });
  }, 120000);
});
