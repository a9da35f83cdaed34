import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { productFixtures } from './product-fixtures';
import { json, Stack, startStack } from './stack';

/** Products and system variants through the gateway, checked against the catalog database. */
describe('catalog products through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let seller: Account;
  let stranger: Account;
  let storeId: string;
  const identity = identityClient(() => stack);
  const { call, account } = identity;
  const { teamWithStore, category } = productFixtures(identity, () => db);
  const word = `zorbl${Date.now().toString(36)}`;

  const create = (body: Record<string, unknown>, token = seller.token) =>
    call('POST', '/products', { token, body: { storeId, price: '10.00', stock: 5, ...body } });
  const created = async (body: Record<string, unknown>) => {
    const response = await create(body);
    expect([response.status, body.name]).toEqual([201, body.name]);
    return json(response);
  };

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog'], { SEED_ADMIN_EMAIL: ROOT.email, SEED_ADMIN_PASSWORD: ROOT.password });
    db = await stack.db('catalog');
    [seller, stranger] = [await account(['SELLER'], 'seller'), await account(['SELLER'], 'stranger')];
    storeId = await teamWithStore(seller);
  });

  afterAll(() => stack?.stop());

  it("lets a seller of the store's team create, read, change and soft delete a product; another team gets 404", async () => {
    const categoryId = await category();
    const product = await created({
      name: `${word} Shiitake Mug`,
      sku: `SKU-${word}-1`,
      price: 19.9,
      basePrice: '12.00',
      minStock: 2,
      dimensions: { length: 1, width: 2, height: 3 },
      tags: ['mug'],
      categoryIds: [categoryId],
      status: 'ACTIVE',
    });
    expect(product).toMatchObject({
      storeId,
      price: '19.90',
      basePrice: '12.00',
      slug: `${word}-shiitake-mug`,
      categoryIds: [categoryId],
      status: 'ACTIVE',
      isDeleted: false,
    });
    expect(await json(await call('GET', `/products/${product.id}`))).toMatchObject({ id: product.id, price: '19.90' });

    const changed = await call('PATCH', `/products/${product.id}`, { token: seller.token, body: { price: '17.50', stock: 1 } });
    expect([changed.status, (await json(changed)).price]).toEqual([200, '17.50']);
    const discontinued = await call('PATCH', `/products/${product.id}`, { token: seller.token, body: { status: 'DISCONTINUED' } });
    expect(discontinued.status).toBe(200);

    for (const [method, path, body] of [
      ['PATCH', `/products/${product.id}`, { price: '1.00' }],
      ['DELETE', `/products/${product.id}`],
      ['POST', `/products/${product.id}/variants`, { price: '1.00' }],
    ] as const) {
      const response = await call(method, path, { token: stranger.token, body });
      expect([method, path, response.status]).toEqual([method, path, 404]);
    }
    const foreignStore = await create({ name: 'Not mine' }, stranger.token);
    expect([foreignStore.status, (await json(foreignStore)).code]).toEqual([404, 'CATALOG.STORE_NOT_FOUND']);
    expect((await call('GET', `/products/${product.id}`, { token: stranger.token })).status).toBe(404); // DISCONTINUED now: not public

    const events = await db.query(`SELECT subject, payload FROM outbox_event WHERE payload->>'productId' = $1 ORDER BY created_at, id`, [
      product.id,
    ]);
    // Events of one transaction share its timestamp, so their order within it is not asserted.
    expect(events.rows.map((e) => e.subject).sort()).toEqual([
      'evt.catalog.product.created',
      'evt.catalog.product.discontinued',
      'evt.catalog.product.updated',
      'evt.catalog.product.updated',
      'evt.catalog.stock.low',
    ]);
    expect(events.rows[0].subject).toBe('evt.catalog.product.created');
    expect(events.rows[0].payload).toEqual({ productId: product.id, storeId, sku: `SKU-${word}-1`, status: 'ACTIVE', price: '19.90' });

    expect((await call('DELETE', `/products/${product.id}`, { token: seller.token })).status).toBe(200);
    expect((await call('GET', `/products/${product.id}`)).status).toBe(404);
    expect(
      (await json(await call('GET', `/products?storeId=${storeId}&limit=100`, { token: seller.token }))).items.map(
        (p: { id: string }) => p.id,
      ),
    ).not.toContain(product.id);
    expect((await db.query('SELECT is_deleted, deleted_at IS NOT NULL AS stamped FROM products WHERE id = $1', [product.id])).rows).toEqual(
      [{ is_deleted: true, stamped: true }],
    );
    expect((await call('PATCH', `/products/${product.id}`, { token: seller.token, body: { price: '1.00' } })).status).toBe(404);
  });

  it('rejects negative money and stock naming the field, unknown categories, duplicate skus; keeps slugs unique', async () => {
    for (const [field, value] of [
      ['price', '-1.00'],
      ['costPrice', -3],
      ['price', '1.999'],
      ['stock', -1],
    ] as const) {
      const response = await create({ name: 'Bad', [field]: value });
      const problem = await json(response);
      expect([field, response.status, problem.errors.map((e: { field: string }) => e.field)]).toEqual([field, 400, [field]]);
    }
    const bare = await call('POST', '/products', { token: seller.token, body: { storeId } });
    expect([bare.status, (await json(bare)).errors.map((e: { field: string }) => e.field).sort()]).toEqual([400, ['name', 'price']]);
    const missing = '00000000-0000-4000-8000-000000000000';
    const unknownCategory = await create({ name: 'Lost', categoryIds: [missing] });
    expect([unknownCategory.status, (await json(unknownCategory)).missing]).toEqual([404, [missing]]);

    await created({ name: 'First', sku: `DUP-${word}` });
    const duplicate = await create({ name: 'Second', sku: `DUP-${word}` });
    const problem = await json(duplicate);
    expect([duplicate.status, problem.code, problem.errors[0].field]).toEqual([409, 'CATALOG.SKU_TAKEN', 'sku']);

    const twins = await Promise.all(Array.from({ length: 5 }, () => create({ name: `${word} Twin Kit` })));
    expect(twins.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const slugs = await Promise.all(twins.map(async (r) => (await json(r)).slug as string));
    expect(new Set(slugs).size).toBe(5);
    expect(slugs).toContain(`${word}-twin-kit`);
    for (const slug of slugs) expect(slug.startsWith(`${word}-twin-kit`)).toBe(true);
  });

  describe('search, filters, sorting and pagination', () => {
    let shop: string;
    let ids: Record<string, string>;
    let cat: string;
    const list = async (query: string, token?: string) => {
      const response = await call('GET', `/products?storeId=${shop}&${query}`, { token });
      expect([query, response.status]).toEqual([query, 200]);
      return json(response);
    };
    const names = async (query: string, token?: string) => (await list(query, token)).items.map((p: { name: string }) => p.name);

    beforeAll(async () => {
      shop = await teamWithStore(seller);
      cat = await category();
      ids = {};
      const rows: Array<Record<string, unknown>> = [
        { name: `Blue ${word} Mug`, price: '12.00', stock: 1, minStock: 3, isFeatured: true, categoryIds: [cat] },
        { name: `${word.toUpperCase()} 100% Cotton Tee`, price: '25.50', stock: 10 },
        { name: `${word} 100x Cap`, price: '8.25', stock: 0, isFeatured: true },
        { name: `Alpha ${word} Poster`, price: '30.00', stock: 50, categoryIds: [cat] },
        { name: 'Unrelated Hoodie', price: '45.00', stock: 7 },
      ];
      for (const row of rows) ids[row.name as string] = (await created({ storeId: shop, status: 'ACTIVE', ...row })).id;
      ids.draft = (await created({ storeId: shop, name: `${word} Draft Sticker`, price: '2.00' })).id;
    });

    it('searches names case-insensitively by substring, a % in the term being literal', async () => {
      expect((await names(`search=${word.toUpperCase().slice(0, 8)}`)).sort()).toEqual(
        [`${word.toUpperCase()} 100% Cotton Tee`, `${word} 100x Cap`, `Alpha ${word} Poster`, `Blue ${word} Mug`].sort(),
      );
      expect(await names(`search=${encodeURIComponent('100%')}`)).toEqual([`${word.toUpperCase()} 100% Cotton Tee`]);
      expect(await names(`search=${encodeURIComponent('0_C')}`)).toEqual([]);
    });

    it('filters by status, category, featured, price range and low stock; anonymous callers never see DRAFT', async () => {
      expect(await names('')).not.toContain(`${word} Draft Sticker`);
      expect(await names('status=DRAFT')).toEqual([]);
      expect(await names('status=DRAFT', seller.token)).toEqual([`${word} Draft Sticker`]);
      expect(await names('', stranger.token)).not.toContain(`${word} Draft Sticker`);
      expect((await call('GET', `/products/${ids.draft}`)).status).toBe(404);
      expect((await call('GET', `/products/${ids.draft}`, { token: seller.token })).status).toBe(200);
      expect((await names(`categoryId=${cat}`)).sort()).toEqual([`Alpha ${word} Poster`, `Blue ${word} Mug`].sort());
      expect((await names('featured=true')).sort()).toEqual([`${word} 100x Cap`, `Blue ${word} Mug`].sort());
      expect((await names('featured=false')).length).toBe(3);
      expect((await names('minPrice=10&maxPrice=30.00')).sort()).toEqual(
        [`${word.toUpperCase()} 100% Cotton Tee`, `Alpha ${word} Poster`, `Blue ${word} Mug`].sort(),
      );
      expect((await names('lowStock=true')).sort()).toEqual([`${word} 100x Cap`, `Blue ${word} Mug`].sort());
      expect((await list('status=ACTIVE')).items[0].price).toEqual(expect.stringMatching(/^\d+\.\d{2}$/));
    });

    it('sorts by newest, price both ways and name', async () => {
      const prices = async (sort: string) => (await list(`sort=${sort}`)).items.map((p: { price: string }) => Number(p.price));
      expect(await prices('price_asc')).toEqual([8.25, 12, 25.5, 30, 45]);
      expect(await prices('price_desc')).toEqual([45, 30, 25.5, 12, 8.25]);
      expect((await names('sort=newest'))[0]).toBe('Unrelated Hoodie');
      expect(await names('')).toEqual(await names('sort=newest'));
      const byName = await names('sort=name');
      expect(byName).toHaveLength(5);
      expect(byName[0]).toBe(`Alpha ${word} Poster`);
    });

    it('walks every row with the cursor in each sort, without duplicates or gaps', async () => {
      for (const sort of ['newest', 'price_asc', 'price_desc', 'name']) {
        const all = (await list(`sort=${sort}&limit=100`, seller.token)).items.map((p: { id: string }) => p.id);
        const walked: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: Array<{ id: string }>; nextCursor: string | null } = await list(
            `sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
            seller.token,
          );
          walked.push(...page.items.map((p) => p.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect([sort, walked]).toEqual([sort, all]);
        expect(all).toHaveLength(6);
      }
      const first = await list('sort=name&limit=2');
      const mismatched = await call('GET', `/products?storeId=${shop}&sort=price_asc&cursor=${first.nextCursor}`);
      expect([mismatched.status, (await json(mismatched)).errors[0].field]).toEqual([400, 'cursor']);
      expect((await call('GET', '/products?limit=101')).status).toBe(400);
    });
  });

  it('gives 20 concurrently created variants 20 distinct 5-character codes', async () => {
    const product = await created({ name: `${word} Variant Tee`, status: 'ACTIVE' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('POST', `/products/${product.id}/variants`, {
          token: seller.token,
          body: { size: `S${i}`, color: 'Black', price: '24.99', stock: i },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const codes = await Promise.all(responses.map(async (r) => (await json(r)).code as string));
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}$/);
    expect(new Set(codes).size).toBe(20);
    const listed = await json(await call('GET', `/products/${product.id}/variants`));
    expect(listed).toHaveLength(20);
    expect(listed[0]).toMatchObject({ productId: product.id, price: '24.99', color: 'Black' });
    const variantId = listed[0].id;
    const changed = await call('PATCH', `/products/${product.id}/variants/${variantId}`, {
      token: seller.token,
      body: { price: '19.00', stock: 3 },
    });
    expect([changed.status, (await json(changed)).price]).toEqual([200, '19.00']);
    expect(
      (await call('PATCH', `/products/${product.id}/variants/${variantId}`, { token: stranger.token, body: { stock: 1 } })).status,
    ).toBe(404);
    expect((await call('DELETE', `/products/${product.id}/variants/${variantId}`, { token: seller.token })).status).toBe(200);
    expect((await db.query('SELECT count(*)::int AS n FROM system_variants WHERE product_id = $1', [product.id])).rows).toEqual([
      { n: 19 },
    ]);
  });
});
