import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { Stack, startStack } from './stack';

/** Supplier variants (one row per factory and catalog code, bulk upserts all or nothing) and routing rules, through the gateway and in the database. */
describe('fulfillment supplier variants and routing rules through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let admin: Account;
  let fulfiller: Account;
  const { call, account, root } = identityClient(() => stack);

  const send = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
    const response = await call(method, path, { token: admin.token, ...options });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  /** Factories belong to another slice of the service: inserted here directly, referenced by id only. */
  const factory = async (label: string): Promise<string> => {
    const id = randomUUID();
    await db.query(`INSERT INTO factories (id, name, code, supplier_type, updated_at) VALUES ($1, $2, $3, 'PRINTER', now())`, [
      id,
      `${label} prints`,
      `${label.toUpperCase()}-${id.slice(0, 8)}`,
    ]);
    return id;
  };

  const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let codeCounter = 0;
  /** Distinct catalog-shaped codes (the counter written in catalog's alphabet). */
  const code = (): string => {
    let n = ++codeCounter + 31 ** 4;
    let s = '';
    for (let i = 0; i < 5; i++, n = Math.floor(n / 31)) s = ALPHABET[n % 31] + s;
    return s;
  };
  const row = (systemVariantCode: string, price = '5.00', extra: Record<string, unknown> = {}) => ({
    systemVariantCode,
    supplierProductCode: 'BC3001',
    supplierVariantCode: `BC3001-${systemVariantCode}`,
    supplierPrice: price,
    ...extra,
  });
  const events = async (factoryId: string) =>
    (
      await db.query(
        `SELECT payload FROM outbox_event WHERE subject = 'evt.fulfillment.supplier-variant.changed' AND payload->>'factoryId' = $1 ORDER BY created_at, id`,
        [factoryId],
      )
    ).rows.map((r) => r.payload);

  beforeAll(async () => {
    stack = await startStack(['identity', 'fulfillment'], { SEED_ADMIN_EMAIL: ROOT.email, SEED_ADMIN_PASSWORD: ROOT.password });
    db = await stack.db('fulfillment');
    admin = await root();
    fulfiller = await account(['FULFILLER'], 'fulfiller');
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  describe('supplier variants', () => {
    it('creates, lists, reads, changes and deletes a mapping, stores its values and tells others', async () => {
      const factoryId = await factory('crud');
      const systemVariantCode = code();
      const systemVariantId = randomUUID();
      const created = await send('POST', '/supplier-variants', {
        body: {
          ...row(systemVariantCode, '7.5'),
          factoryId,
          systemVariantId,
          supplierSku: 'SKU-1',
          currency: 'EUR',
          minimumQuantity: 3,
          leadTime: 4,
          printMethod: 'DTG',
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        factoryId,
        systemVariantCode,
        systemVariantId,
        supplierSku: 'SKU-1',
        supplierPrice: '7.50',
        currency: 'EUR',
        minimumQuantity: 3,
        leadTime: 4,
        isAvailable: true,
        printMethod: 'DTG',
      });
      const id = created.body.id as string;
      const stored = (await db.query('SELECT * FROM supplier_variants WHERE id = $1', [id])).rows[0];
      expect(stored).toMatchObject({
        factory_id: factoryId,
        system_variant_code: systemVariantCode,
        supplier_price: '7.50',
        currency: 'EUR',
      });

      expect(await send('GET', `/supplier-variants/${id}`)).toMatchObject({ status: 200, body: { id, supplierPrice: '7.50' } });
      const listed = await send('GET', `/supplier-variants?factoryId=${factoryId}&systemVariantCode=${systemVariantCode}&isAvailable=true`);
      expect([listed.status, listed.body.items.map((v: { id: string }) => v.id)]).toEqual([200, [id]]);
      expect((await send('GET', `/supplier-variants?factoryId=${factoryId}&isAvailable=false`)).body.items).toEqual([]);

      const changed = await send('PATCH', `/supplier-variants/${id}`, { body: { supplierPrice: 9, isAvailable: false, leadTime: 0 } });
      expect(changed).toMatchObject({ status: 200, body: { supplierPrice: '9.00', isAvailable: false, leadTime: 0, currency: 'EUR' } });
      expect((await db.query('SELECT supplier_price, is_available FROM supplier_variants WHERE id = $1', [id])).rows[0]).toEqual({
        supplier_price: '9.00',
        is_available: false,
      });

      expect(await send('DELETE', `/supplier-variants/${id}`)).toMatchObject({ status: 200, body: { deleted: true } });
      expect((await db.query('SELECT count(*)::int AS n FROM supplier_variants WHERE id = $1', [id])).rows[0].n).toBe(0);
      expect((await send('GET', `/supplier-variants/${id}`)).status).toBe(404);

      expect(await events(factoryId)).toEqual([
        { factoryId, change: 'CREATED', variants: [{ systemVariantCode, isAvailable: true, supplierPrice: '7.50' }] },
        { factoryId, change: 'UPDATED', variants: [{ systemVariantCode, isAvailable: false, supplierPrice: '9.00' }] },
        { factoryId, change: 'DELETED', variants: [{ systemVariantCode, isAvailable: false, supplierPrice: '9.00' }] },
      ]);
    });

    it('refuses a second mapping of one code for one factory (409 naming systemVariantCode), not for another factory', async () => {
      const [first, second] = [await factory('dup-a'), await factory('dup-b')];
      const systemVariantCode = code();
      expect((await send('POST', '/supplier-variants', { body: { ...row(systemVariantCode), factoryId: first } })).status).toBe(201);
      const again = await send('POST', '/supplier-variants', { body: { ...row(systemVariantCode, '6.00'), factoryId: first } });
      expect([again.status, again.body.code, fields(again.body)]).toEqual([
        409,
        'FULFILLMENT.SUPPLIER_VARIANT_DUPLICATE',
        ['systemVariantCode'],
      ]);
      expect((await send('POST', '/supplier-variants', { body: { ...row(systemVariantCode), factoryId: second } })).status).toBe(201);
      expect((await db.query('SELECT supplier_price FROM supplier_variants WHERE factory_id = $1', [first])).rows).toEqual([
        { supplier_price: '5.00' },
      ]);
    });

    it('names the bad field of a refused mapping and stores nothing', async () => {
      const factoryId = await factory('bad');
      for (const [patch, field] of [
        [{ supplierPrice: '-1' }, 'supplierPrice'],
        [{ supplierPrice: '1.234' }, 'supplierPrice'],
        [{ supplierPrice: 'cheap' }, 'supplierPrice'],
        [{ currency: 'usd' }, 'currency'],
        [{ currency: 'DOLLAR' }, 'currency'],
        [{ systemVariantCode: 'abcde' }, 'systemVariantCode'],
        [{ systemVariantCode: 'K7WQ' }, 'systemVariantCode'],
        [{ systemVariantCode: 'K7WQ1' }, 'systemVariantCode'],
        [{ minimumQuantity: 0 }, 'minimumQuantity'],
        [{ leadTime: -1 }, 'leadTime'],
        [{ systemVariantId: 'nope' }, 'systemVariantId'],
        [{ factoryId: 'nope' }, 'factoryId'],
      ] as const) {
        const response = await send('POST', '/supplier-variants', { body: { ...row(code()), factoryId, ...patch } });
        expect([response.status, fields(response.body)]).toEqual([400, [field]]);
      }
      const unknown = await send('POST', '/supplier-variants', { body: { ...row(code()), factoryId: randomUUID() } });
      expect([unknown.status, unknown.body.code, fields(unknown.body)]).toEqual([404, 'FULFILLMENT.FACTORY_NOT_FOUND', ['factoryId']]);
      const created = await send('POST', '/supplier-variants', { body: { ...row(code()), factoryId } });
      const patch = await send('PATCH', `/supplier-variants/${created.body.id}`, { body: { supplierPrice: -2 } });
      expect([patch.status, fields(patch.body)]).toEqual([400, ['supplierPrice']]);
      expect((await db.query('SELECT count(*)::int AS n FROM supplier_variants WHERE factory_id = $1', [factoryId])).rows[0].n).toBe(1);
    });

    it('upserts 1,000 rows in one request: all created, then all updated, with one event per request', async () => {
      const factoryId = await factory('bulk');
      const codes = Array.from({ length: 1000 }, () => code());
      let started = Date.now();
      const first = await send('POST', '/supplier-variants/bulk', {
        body: { factoryId, variants: codes.map((c, i) => row(c, `${1 + (i % 50)}.25`, { leadTime: i % 7, printMethod: 'DTG' })) },
      });
      const createMs = Date.now() - started;
      expect(first).toMatchObject({ status: 201, body: { created: 1000, updated: 0 } });
      started = Date.now();
      const second = await send('POST', '/supplier-variants/bulk', {
        body: { factoryId, variants: codes.map((c, i) => row(c, '3.10', { isAvailable: i % 2 === 0, currency: 'EUR' })) },
      });
      const updateMs = Date.now() - started;
      expect(second).toMatchObject({ status: 201, body: { created: 0, updated: 1000 } });
      console.log(`bulk upsert of 1,000 rows through the gateway: create ${createMs} ms, update ${updateMs} ms`);

      const stored = await db.query(
        'SELECT system_variant_code, supplier_price, currency, is_available, lead_time, print_method FROM supplier_variants WHERE factory_id = $1 ORDER BY system_variant_code',
        [factoryId],
      );
      expect(stored.rows).toHaveLength(1000);
      expect(new Set(stored.rows.map((r) => r.system_variant_code))).toEqual(new Set(codes));
      // The second request stated the whole rows: absent leadTime and printMethod went back to their defaults.
      expect(new Set(stored.rows.map((r) => `${r.supplier_price} ${r.currency} ${r.lead_time} ${r.print_method}`))).toEqual(
        new Set(['3.10 EUR 0 null']),
      );
      expect(stored.rows.filter((r) => r.is_available)).toHaveLength(500);

      const published = await events(factoryId);
      expect(published.map((e) => [e.change, e.variants.length])).toEqual([
        ['BULK_UPSERTED', 1000],
        ['BULK_UPSERTED', 1000],
      ]);
      expect(new Set(published[1].variants.map((v: { systemVariantCode: string }) => v.systemVariantCode))).toEqual(new Set(codes));
      const page = await send('GET', `/supplier-variants?factoryId=${factoryId}&isAvailable=false&limit=100`);
      expect([page.body.items.length, typeof page.body.nextCursor]).toEqual([100, 'string']);
    });

    it('stores nothing of a bulk request with one bad row and names that row', async () => {
      const factoryId = await factory('bulkbad');
      const variants = Array.from({ length: 20 }, () => row(code()));
      for (const [i, patch, field] of [
        [13, { supplierPrice: '-4' }, 'variants[13].supplierPrice'],
        [7, { currency: 'EURO' }, 'variants[7].currency'],
        [0, { systemVariantCode: 'I0L1O' }, 'variants[0].systemVariantCode'],
        [19, { systemVariantCode: variants[2].systemVariantCode }, 'variants[19].systemVariantCode'],
      ] as const) {
        const bad = variants.map((v, j) => (j === i ? { ...v, ...patch } : v));
        const response = await send('POST', '/supplier-variants/bulk', { body: { factoryId, variants: bad } });
        expect([response.status, fields(response.body)]).toEqual([400, [field]]);
      }
      const tooMany = await send('POST', '/supplier-variants/bulk', {
        body: { factoryId, variants: Array.from({ length: 1001 }, () => variants[0]) },
      });
      expect([tooMany.status, fields(tooMany.body)]).toEqual([400, ['variants']]);
      const unknown = await send('POST', '/supplier-variants/bulk', { body: { factoryId: randomUUID(), variants } });
      expect([unknown.status, fields(unknown.body)]).toEqual([404, ['factoryId']]);
      expect((await db.query('SELECT count(*)::int AS n FROM supplier_variants WHERE factory_id = $1', [factoryId])).rows[0].n).toBe(0);
      expect(await events(factoryId)).toEqual([]);
    });

    it('lets two concurrent bulk upserts of overlapping rows both succeed, leaving one row per code', async () => {
      const factoryId = await factory('race');
      const codes = Array.from({ length: 400 }, () => code());
      const a = codes.slice(0, 300).reverse();
      const b = codes.slice(100);
      const [ra, rb] = await Promise.all([
        send('POST', '/supplier-variants/bulk', { body: { factoryId, variants: a.map((c) => row(c, '1.00')) } }),
        send('POST', '/supplier-variants/bulk', { body: { factoryId, variants: b.map((c) => row(c, '2.00')) } }),
      ]);
      expect([ra.status, rb.status]).toEqual([201, 201]);
      // Every code was inserted once: the 200 shared ones by whichever request came first, updated by the other.
      expect(ra.body.created + rb.body.created).toBe(400);
      expect(ra.body.updated + rb.body.updated).toBe(200);
      const stored = await db.query(
        'SELECT system_variant_code, count(*)::int AS n FROM supplier_variants WHERE factory_id = $1 GROUP BY system_variant_code',
        [factoryId],
      );
      expect(stored.rows).toHaveLength(400);
      expect(stored.rows.every((r) => r.n === 1)).toBe(true);
    });

    it('shows a FULFILLER only the factories they are linked to, and lets them change nothing (403)', async () => {
      const [mine, theirs] = [await factory('mine'), await factory('theirs')];
      await db.query('INSERT INTO factory_users (factory_id, user_id) VALUES ($1, $2)', [mine, fulfiller.id]);
      const own = await send('POST', '/supplier-variants', { body: { ...row(code()), factoryId: mine } });
      const other = await send('POST', '/supplier-variants', { body: { ...row(code()), factoryId: theirs } });
      const as = { token: fulfiller.token };

      expect((await send('GET', `/supplier-variants/${own.body.id}`, as)).status).toBe(200);
      expect((await send('GET', `/supplier-variants/${other.body.id}`, as)).status).toBe(404);
      const listed = await send('GET', '/supplier-variants?limit=100', as);
      expect(listed.body.items.map((v: { factoryId: string }) => v.factoryId)).toEqual([mine]);
      expect((await send('GET', `/supplier-variants?factoryId=${theirs}`, as)).body.items).toEqual([]);

      for (const [method, path, body] of [
        ['POST', '/supplier-variants', { ...row(code()), factoryId: mine }],
        ['PATCH', `/supplier-variants/${own.body.id}`, { supplierPrice: 1 }],
        ['DELETE', `/supplier-variants/${own.body.id}`, undefined],
        ['POST', '/supplier-variants/bulk', { factoryId: mine, variants: [row(code())] }],
        ['POST', '/routing-rules', { name: 'x', priority: 1 }],
      ] as const) {
        const response = await send(method, path, { ...as, body });
        expect([method, path, response.status]).toEqual([method, path, 403]);
      }
      expect((await db.query('SELECT supplier_price FROM supplier_variants WHERE id = $1', [own.body.id])).rows[0].supplier_price).toBe(
        '5.00',
      );
    });
  });

  describe('routing rules', () => {
    it('creates, lists in priority order (ties by creation), reads, changes and deletes rules', async () => {
      const factoryId = randomUUID();
      const storeId = randomUUID();
      const created = await send('POST', '/routing-rules', {
        body: {
          name: 'US cheapest DTG',
          priority: 20,
          filters: {
            countries: ['US', 'CA'],
            storeIds: [storeId],
            printMethods: ['DTG'],
            supplierTypes: ['PRINTER'],
            factoryIds: [factoryId],
            minQualityRating: 4.5,
          },
          sort: ['LOWEST_PRICE', 'SHORTEST_LEAD_TIME'],
          fallback: 'HOLD',
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'US cheapest DTG',
        priority: 20,
        isActive: true,
        filters: {
          countries: ['US', 'CA'],
          storeIds: [storeId],
          printMethods: ['DTG'],
          supplierTypes: ['PRINTER'],
          factoryIds: [factoryId],
          minQualityRating: 4.5,
        },
        sort: ['LOWEST_PRICE', 'SHORTEST_LEAD_TIME'],
        fallback: 'HOLD',
      });
      const stored = (await db.query('SELECT * FROM routing_rules WHERE id = $1', [created.body.id])).rows[0];
      expect(stored).toMatchObject({
        priority: 20,
        fallback: 'HOLD',
        sort: ['LOWEST_PRICE', 'SHORTEST_LEAD_TIME'],
        filters: created.body.filters,
      });

      const plain = await send('POST', '/routing-rules', { body: { name: 'Anything', priority: 20 } });
      expect(plain.body).toMatchObject({ filters: {}, sort: [], fallback: 'NEXT_RULE', isActive: true });
      const early = await send('POST', '/routing-rules', { body: { name: 'Primary first', priority: 5, sort: ['PRIMARY_FIRST'] } });
      const ours = [created.body.id, plain.body.id, early.body.id];

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await send('GET', `/routing-rules?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((r: { id: string }) => r.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.filter((id) => ours.includes(id))).toEqual([early.body.id, created.body.id, plain.body.id]);

      expect(await send('GET', `/routing-rules/${early.body.id}`)).toMatchObject({ status: 200, body: { name: 'Primary first' } });
      const changed = await send('PATCH', `/routing-rules/${plain.body.id}`, {
        body: { priority: 1, isActive: false, filters: { countries: ['VN'] }, fallback: 'MANUAL_QUEUE' },
      });
      expect(changed).toMatchObject({
        status: 200,
        body: { priority: 1, isActive: false, filters: { countries: ['VN'] }, fallback: 'MANUAL_QUEUE' },
      });
      const inactive = await send('GET', '/routing-rules?isActive=false&limit=100');
      expect(inactive.body.items.map((r: { id: string }) => r.id)).toContain(plain.body.id);
      expect(inactive.body.items.every((r: { isActive: boolean }) => !r.isActive)).toBe(true);

      expect(await send('DELETE', `/routing-rules/${plain.body.id}`)).toMatchObject({ status: 200, body: { deleted: true } });
      expect((await db.query('SELECT count(*)::int AS n FROM routing_rules WHERE id = $1', [plain.body.id])).rows[0].n).toBe(0);
      expect((await send('GET', `/routing-rules/${plain.body.id}`)).status).toBe(404);
      expect((await send('PATCH', `/routing-rules/${plain.body.id}`, { body: { name: 'x' } })).status).toBe(404);

      const asFulfiller = await send('GET', `/routing-rules/${early.body.id}`, { token: fulfiller.token });
      expect(asFulfiller.status).toBe(200);
      for (const [method, path, body] of [
        ['PATCH', `/routing-rules/${early.body.id}`, { priority: 2 }],
        ['DELETE', `/routing-rules/${early.body.id}`, undefined],
      ] as const)
        expect((await send(method, path, { token: fulfiller.token, body })).status).toBe(403);
    });

    it('names the bad field of a refused rule and stores nothing', async () => {
      const before = (await db.query('SELECT count(*)::int AS n FROM routing_rules')).rows[0].n;
      const base = { name: 'bad', priority: 1 };
      for (const [patch, field] of [
        [{ filters: { continent: 'EU' } }, 'filters.continent'],
        [{ filters: { countries: ['USA'] } }, 'filters.countries'],
        [{ filters: { storeIds: ['nope'] } }, 'filters.storeIds'],
        [{ filters: { supplierTypes: ['PAINTER'] } }, 'filters.supplierTypes'],
        [{ filters: { factoryIds: ['x'] } }, 'filters.factoryIds'],
        [{ filters: { minQualityRating: 6 } }, 'filters.minQualityRating'],
        [{ filters: ['US'] }, 'filters'],
        [{ sort: ['CHEAPEST'] }, 'sort'],
        [{ sort: ['LOWEST_PRICE', 'LOWEST_PRICE'] }, 'sort'],
        [{ fallback: 'RETRY' }, 'fallback'],
        [{ priority: -1 }, 'priority'],
        [{ priority: 1.5 }, 'priority'],
        [{ name: '' }, 'name'],
      ] as const) {
        const response = await send('POST', '/routing-rules', { body: { ...base, ...patch } });
        // An array where the object belongs is named once for itself and once per element: every name starts with the field.
        const named = fields(response.body);
        expect([JSON.stringify(patch), response.status, named[0], named.every((f) => f.startsWith(field))]).toEqual([
          JSON.stringify(patch),
          400,
          field,
          true,
        ]);
      }
      expect((await db.query('SELECT count(*)::int AS n FROM routing_rules')).rows[0].n).toBe(before);
    });
  });
});
