import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { Stack, startStack } from './stack';

const SECRETS = ['pf-live-key-7c1e9b2a', 'whsec-morel-55d0e1', 'pf-rotated-key-a0b3c4'];

/** Factories, their locations and their linked FULFILLER users, through the gateway and in the database. */
describe('fulfillment factories through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let admin: Account;
  const { call, account, root } = identityClient(() => stack);

  /** Every answer's raw text is checked: no credential may ever leave fulfillment. */
  const send = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
    const response = await call(method, path, { token: admin.token, ...options });
    const text = await response.text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"credentials"\s*:/);
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  let codes = 0;
  const newFactory = async (overrides: Record<string, unknown> = {}) => {
    const created = await send('POST', '/factories', {
      body: { name: 'Factory', code: `F-${Date.now()}-${++codes}`, supplierType: 'PRINTER', ...overrides },
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; code: string };
  };
  const location = (overrides: Record<string, unknown> = {}) => ({
    locationType: 'PRODUCTION',
    name: 'Plant',
    address1: '1 Industrial Rd',
    city: 'Pasig',
    country: 'PH',
    ...overrides,
  });
  const defaults = async (factoryId: string) =>
    (await db.query('SELECT id FROM factory_locations WHERE factory_id = $1 AND is_default ORDER BY id', [factoryId])).rows.map(
      (r: { id: string }) => r.id,
    );

  beforeAll(async () => {
    stack = await startStack(['identity', 'fulfillment'], { SEED_ADMIN_EMAIL: ROOT.email, SEED_ADMIN_PASSWORD: ROOT.password });
    db = await stack.db('fulfillment');
    admin = await account(['ADMIN'], 'factory-admin');
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('lets an ADMIN create, list, read and change factories, with credentials stored encrypted and never answered', async () => {
    const created = await send('POST', '/factories', {
      body: {
        name: 'Manila Print Works',
        code: 'MNL-PRINT-1',
        supplierType: 'PRINTER',
        capabilities: ['TSHIRT', 'HOODIE'],
        printMethods: ['DTG', 'SCREEN'],
        capacity: 500,
        qualityRating: 4.5,
        certifications: ['ISO-9001'],
        isPrimary: true,
        contactEmail: 'ops@mnl.example',
        integration: 'PRINTFUL',
        credentials: { apiKey: SECRETS[0], webhookSecret: SECRETS[1] },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Manila Print Works',
      code: 'MNL-PRINT-1',
      supplierType: 'PRINTER',
      capabilities: ['TSHIRT', 'HOODIE'],
      printMethods: ['DTG', 'SCREEN'],
      capacity: 500,
      qualityRating: '4.50',
      certifications: ['ISO-9001'],
      isPrimary: true,
      isActive: true,
      contactEmail: 'ops@mnl.example',
      integration: 'PRINTFUL',
      hasCredentials: true,
    });
    const id = created.body.id as string;
    const stored = (await db.query('SELECT credentials FROM factories WHERE id = $1', [id])).rows[0].credentials as string;
    expect(stored.startsWith('v1.')).toBe(true);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    const event = await db.query(
      "SELECT payload FROM outbox_event WHERE subject = 'evt.fulfillment.factory.created' AND payload->>'id' = $1",
      [id],
    );
    expect(event.rows.map((r: { payload: unknown }) => r.payload)).toEqual([
      { id, code: 'MNL-PRINT-1', isActive: true, supplierType: 'PRINTER', capacity: 500, printMethods: ['DTG', 'SCREEN'] },
    ]);

    const plain = await newFactory({ supplierType: 'DISTRIBUTOR', capabilities: ['MUG'], qualityRating: '3' });
    expect(plain).toMatchObject({ hasCredentials: false, integration: 'MANUAL', qualityRating: '3.00', capacity: 0 });

    expect((await send('GET', `/factories/${id}`)).body).toMatchObject({ id, code: 'MNL-PRINT-1', hasCredentials: true });
    const byMethod = await send('GET', '/factories?printMethod=DTG&limit=100');
    expect(byMethod.body.items.map((f: { id: string }) => f.id)).toContain(id);
    expect(byMethod.body.items.map((f: { id: string }) => f.id)).not.toContain(plain.id);
    const byType = await send('GET', '/factories?supplierType=DISTRIBUTOR&capability=MUG&limit=100');
    expect(byType.body.items.map((f: { id: string }) => f.id)).toEqual([plain.id]);

    const first = await send('GET', '/factories?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await send('GET', `/factories?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);

    const changed = await send('PATCH', `/factories/${id}`, {
      body: { capacity: 800, qualityRating: '4.25', credentials: { apiKey: SECRETS[2] } },
    });
    expect([changed.status, changed.body.capacity, changed.body.qualityRating, changed.body.hasCredentials]).toEqual([
      200,
      800,
      '4.25',
      true,
    ]);
    const replaced = (await db.query('SELECT credentials FROM factories WHERE id = $1', [id])).rows[0].credentials as string;
    expect(replaced.startsWith('v1.')).toBe(true);
    expect(replaced).not.toBe(stored);
    expect(replaced).not.toContain(SECRETS[2]);
    const updated = await db.query(
      "SELECT payload FROM outbox_event WHERE subject = 'evt.fulfillment.factory.updated' AND payload->>'id' = $1",
      [id],
    );
    expect(updated.rows.map((r: { payload: { capacity: number } }) => r.payload.capacity)).toEqual([800]);
  });

  it('refuses a duplicate code (409 naming code) and bad fields (400 naming them)', async () => {
    const factory = await newFactory();
    const duplicate = await send('POST', '/factories', { body: { name: 'Copy', code: factory.code, supplierType: 'PRINTER' } });
    expect([duplicate.status, duplicate.body.code, duplicate.body.errors]).toEqual([
      409,
      'FULFILLMENT.FACTORY_CODE_TAKEN',
      [{ field: 'code', messages: expect.any(Array) }],
    ]);
    const other = await newFactory();
    const renamed = await send('PATCH', `/factories/${other.id}`, { body: { code: factory.code } });
    expect([renamed.status, renamed.body.errors[0].field]).toEqual([409, 'code']);

    for (const [body, field] of [
      [{ name: 'x', code: 'lower-case', supplierType: 'PRINTER' }, 'code'],
      [{ name: 'x', code: 'OK-1', supplierType: 'BAKER' }, 'supplierType'],
      [{ name: 'x', code: 'OK-2', supplierType: 'PRINTER', capacity: -1 }, 'capacity'],
      [{ name: 'x', code: 'OK-3', supplierType: 'PRINTER', qualityRating: '5.5' }, 'qualityRating'],
      [{ name: 'x', code: 'OK-4', supplierType: 'PRINTER', integration: 'SHOPIFY' }, 'integration'],
      [{ name: 'x', code: 'OK-5', supplierType: 'PRINTER', credentials: { password: SECRETS[0] } }, 'credentials'],
    ] as const) {
      const response = await send('POST', '/factories', { body });
      expect([response.status, response.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, [field]]);
    }
  });

  it('keeps exactly one default location: the first, then whichever is made default, even under 10 concurrent changes', async () => {
    const factory = await newFactory();
    const first = await send('POST', `/factories/${factory.id}/locations`, {
      body: location({ name: 'Pasig', country: 'Philippines', shippingZones: ['PH', 'ph:ncr', 'US:94'] }),
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ factoryId: factory.id, country: 'PH', shippingZones: ['PH', 'PH:NCR', 'US:94'], isDefault: true });
    expect((await db.query('SELECT country FROM factory_locations WHERE id = $1', [first.body.id])).rows).toEqual([{ country: 'PH' }]);

    const badZone = await send('POST', `/factories/${factory.id}/locations`, { body: location({ shippingZones: ['PH', 'XX:1'] }) });
    expect([badZone.status, badZone.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['shippingZones[1]']]);
    const badCountry = await send('POST', `/factories/${factory.id}/locations`, { body: location({ country: 'Narnia' }) });
    expect([badCountry.status, badCountry.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['country']]);

    const second = await send('POST', `/factories/${factory.id}/locations`, {
      body: location({ name: 'Reno', country: 'united states', locationType: 'WAREHOUSE' }),
    });
    expect([second.body.isDefault, second.body.country]).toEqual([false, 'US']);
    const made = await send('POST', `/factories/${factory.id}/locations`, { body: location({ name: 'Cebu', isDefault: true }) });
    expect(made.body.isDefault).toBe(true);
    expect(await defaults(factory.id)).toEqual([made.body.id]);

    const unset = await send('PATCH', `/factories/${factory.id}/locations/${made.body.id}`, { body: { isDefault: false } });
    expect([unset.status, unset.body.errors[0].field]).toEqual([409, 'isDefault']);

    const others: string[] = [];
    for (let i = 0; i < 7; i++)
      others.push((await send('POST', `/factories/${factory.id}/locations`, { body: location({ name: `Extra ${i}` }) })).body.id as string);
    const ids = [first.body.id, second.body.id, made.body.id, ...others] as string[];
    const answers = await Promise.all(
      ids.map((id) => send('PATCH', `/factories/${factory.id}/locations/${id}`, { body: { isDefault: true } })),
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const after = await defaults(factory.id);
    expect(after).toHaveLength(1);
    expect(ids).toContain(after[0]);

    const listed = await send('GET', `/factories/${factory.id}/locations`);
    expect(listed.body).toHaveLength(10);
    expect(listed.body[0].id).toBe(after[0]);
    expect(listed.body.filter((l: { isDefault: boolean }) => l.isDefault)).toHaveLength(1);

    // Deleting the default promotes another active one (an inactive one is passed over).
    await send('PATCH', `/factories/${factory.id}/locations/${after[0]}`, { body: { isDefault: true } });
    const survivor = ids.filter((i) => i !== after[0]).at(-1)!;
    for (const id of ids.filter((i) => i !== after[0] && i !== survivor))
      expect((await send('PATCH', `/factories/${factory.id}/locations/${id}`, { body: { isActive: false } })).status).toBe(200);
    const removed = await send('DELETE', `/factories/${factory.id}/locations/${after[0]}`);
    expect([removed.status, removed.body]).toEqual([200, { deleted: true }]);
    expect(await defaults(factory.id)).toEqual([survivor]);

    const foreign = await newFactory();
    const wrongFactory = await send('PATCH', `/factories/${foreign.id}/locations/${survivor}`, { body: { name: 'moved' } });
    expect([wrongFactory.status, wrongFactory.body.code]).toEqual([404, 'FULFILLMENT.LOCATION_NOT_FOUND']);
  });

  it('hands the default to another active location when the default is deactivated, and keeps it when none is active', async () => {
    const factory = await newFactory();
    const a = (await send('POST', `/factories/${factory.id}/locations`, { body: location({ name: 'A' }) })).body;
    const b = (await send('POST', `/factories/${factory.id}/locations`, { body: location({ name: 'B' }) })).body;
    expect([a.isDefault, b.isDefault]).toEqual([true, false]);
    const off = await send('PATCH', `/factories/${factory.id}/locations/${a.id}`, { body: { isActive: false } });
    expect([off.status, off.body.isActive, off.body.isDefault]).toEqual([200, false, false]);
    expect(await defaults(factory.id)).toEqual([b.id]);
    const last = await send('PATCH', `/factories/${factory.id}/locations/${b.id}`, { body: { isActive: false } });
    expect([last.body.isActive, last.body.isDefault]).toEqual([false, true]);
    expect(await defaults(factory.id)).toEqual([b.id]);
  });

  it('shows a FULFILLER only the factories they are linked to (any other is 404) and lets them read, not change, locations', async () => {
    const mine = await newFactory({ name: 'Mine' });
    const other = await newFactory({ name: 'Other' });
    await send('POST', `/factories/${mine.id}/locations`, { body: location() });
    await send('POST', `/factories/${other.id}/locations`, { body: location() });
    const fulfiller = await account(['FULFILLER'], 'fulfiller');

    expect((await send('GET', '/factories', { token: fulfiller.token })).body.items).toEqual([]);
    const linked = await send('POST', `/factories/${mine.id}/users`, { body: { userId: fulfiller.id } });
    expect([linked.status, linked.body.factoryId, linked.body.userId]).toEqual([201, mine.id, fulfiller.id]);
    expect((await send('POST', `/factories/${mine.id}/users`, { body: { userId: fulfiller.id } })).status).toBe(201);
    expect((await send('GET', `/factories/${mine.id}/users`)).body.map((u: { userId: string }) => u.userId)).toEqual([fulfiller.id]);

    const seen = await send('GET', '/factories?limit=100', { token: fulfiller.token });
    expect(seen.body.items.map((f: { id: string }) => f.id)).toEqual([mine.id]);
    expect((await send('GET', `/factories/${mine.id}`, { token: fulfiller.token })).status).toBe(200);
    expect((await send('GET', `/factories/${mine.id}/locations`, { token: fulfiller.token })).body).toHaveLength(1);
    expect((await send('GET', `/factories/${mine.id}/users`, { token: fulfiller.token })).status).toBe(200);
    for (const path of [`/factories/${other.id}`, `/factories/${other.id}/locations`, `/factories/${other.id}/users`]) {
      const hidden = await send('GET', path, { token: fulfiller.token });
      expect([hidden.status, hidden.body.code]).toEqual([404, 'FULFILLMENT.FACTORY_NOT_FOUND']);
    }
    const change = await send('POST', `/factories/${mine.id}/locations`, { token: fulfiller.token, body: location() });
    expect(change.status).toBe(403);
    expect((await send('PATCH', `/factories/${mine.id}`, { token: fulfiller.token, body: { capacity: 1 } })).status).toBe(403);

    expect((await send('DELETE', `/factories/${mine.id}/users/${fulfiller.id}`)).body).toEqual({ deleted: true });
    expect((await send('GET', `/factories/${mine.id}`, { token: fulfiller.token })).status).toBe(404);
    expect((await send('DELETE', `/factories/${mine.id}/users/${fulfiller.id}`)).status).toBe(404);
    expect((await db.query('SELECT count(*)::int AS n FROM factory_users WHERE factory_id = $1', [mine.id])).rows[0].n).toBe(0);
  });

  it('deletes an unused factory outright and only deactivates one that fulfillments name', async () => {
    const unused = await newFactory();
    await send('POST', `/factories/${unused.id}/locations`, { body: location() });
    const gone = await send('DELETE', `/factories/${unused.id}`);
    expect([gone.status, gone.body]).toEqual([200, { id: unused.id, deleted: true, isActive: false }]);
    expect((await db.query('SELECT count(*)::int AS n FROM factories WHERE id = $1', [unused.id])).rows[0].n).toBe(0);
    expect((await db.query('SELECT count(*)::int AS n FROM factory_locations WHERE factory_id = $1', [unused.id])).rows[0].n).toBe(0);
    expect((await send('GET', `/factories/${unused.id}`)).status).toBe(404);

    const used = await newFactory();
    await db.query(
      'INSERT INTO fulfillments (id, order_id, factory_id, updated_at) VALUES (gen_random_uuid(), gen_random_uuid(), $1, now())',
      [used.id],
    );
    const kept = await send('DELETE', `/factories/${used.id}`);
    expect([kept.status, kept.body]).toEqual([200, { id: used.id, deleted: false, isActive: false }]);
    expect((await db.query('SELECT is_active FROM factories WHERE id = $1', [used.id])).rows).toEqual([{ is_active: false }]);
    expect((await send('GET', '/factories?isActive=false&limit=100')).body.items.map((f: { id: string }) => f.id)).toContain(used.id);

    const root_ = await root();
    const fulfiller = await account(['FULFILLER'], 'no-delete');
    expect((await send('DELETE', `/factories/${used.id}`, { token: fulfiller.token })).status).toBe(403);
    expect((await send('DELETE', `/factories/${used.id}`, { token: root_.token })).status).toBe(200);
  });
});
