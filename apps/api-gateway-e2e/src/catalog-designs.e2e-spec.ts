import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { json, Stack, startStack } from './stack';

/** Designs (workflow, fingerprints, ownership), product-design links and reviews, through the gateway and in the catalog database. */
describe('catalog designs and reviews', () => {
  let stack: Stack;
  let db: Client;
  let seller: Account; // SELLER in team A: designs create/read/update, reviews:*
  let leader: Account; // LEADER of team A: may approve
  let rival: Account; // LEADER of team B
  let teamA: string;
  let teamB: string;
  const { call, root, account } = identityClient(() => stack);

  const teamOf = async (owner: Account, name: string): Promise<string> =>
    (await json(await call('POST', '/teams', { token: owner.token, body: { name } }))).id;
  const design = async (who: Account, teamId: string, artworkUrl = `https://cdn.example.com/art/${randomUUID()}.png`) =>
    json(
      await call('POST', '/designs', {
        token: who.token,
        body: { teamId, name: 'Morel', artworkUrl, tags: ['fungi'], designer: 'Ana', version: 2, metadata: { dpi: 300 } },
      }),
    );
  const act = (who: Account, id: string, action: string, body?: unknown) =>
    call('POST', `/designs/${id}/${action}`, { token: who.token, body });
  const product = async (teamId: string): Promise<string> => {
    const [storeId, id] = [randomUUID(), randomUUID()];
    await db.query("INSERT INTO stores (id, team_id, name, platform, updated_at) VALUES ($1, $2, 'Spores', 'ETSY', now())", [
      storeId,
      teamId,
    ]);
    await db.query(
      "INSERT INTO products (id, store_id, name, slug, price, stock, status, updated_at) VALUES ($1, $2, 'Morel tee', $3, 24.50, 5, 'ACTIVE', now())",
      [id, storeId, `tee-${id}`],
    );
    return id;
  };

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog'], { SEED_ADMIN_EMAIL: ROOT.email, SEED_ADMIN_PASSWORD: ROOT.password });
    db = await stack.db('catalog');
    await root();
    [leader, rival, seller] = [
      await account(['LEADER', 'USER'], 'leader'),
      await account(['LEADER', 'USER'], 'rival'),
      await account(['SELLER', 'USER'], 'seller'),
    ];
    [teamA, teamB] = [await teamOf(leader, 'Morels'), await teamOf(rival, 'Chanterelles')];
    expect((await call('POST', `/teams/${teamA}/members`, { token: leader.token, body: { userId: seller.id } })).status).toBe(201);
  });

  afterAll(() => stack?.stop());

  it('walks every allowed transition, refuses the others with 409 naming from/to, and announces approval', async () => {
    const created = await design(seller, teamA);
    expect(created).toMatchObject({
      teamId: teamA,
      sellerId: seller.id,
      status: 'DRAFT',
      tags: ['fungi'],
      version: 2,
      metadata: { dpi: 300 },
    });
    expect(created.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const refuse = async (who: Account, action: string, from: string, to: string, body?: unknown) => {
      const r = await act(who, created.id, action, body);
      expect([action, r.status]).toEqual([action, 409]);
      expect(await json(r)).toMatchObject({ code: 'CATALOG.INVALID_TRANSITION', from, to });
    };
    await refuse(leader, 'approve', 'DRAFT', 'APPROVED');
    await refuse(leader, 'archive', 'DRAFT', 'ARCHIVED');
    await refuse(leader, 'reject', 'DRAFT', 'DRAFT', { reason: 'blurry' });
    expect((await json(await act(seller, created.id, 'submit'))).status).toBe('REVIEW');
    await refuse(seller, 'submit', 'REVIEW', 'REVIEW');
    const edit = await call('PATCH', `/designs/${created.id}`, { token: seller.token, body: { name: 'Late edit' } });
    expect([edit.status, (await json(edit)).code]).toEqual([409, 'CATALOG.DESIGN_NOT_EDITABLE']);
    const rejected = await act(leader, created.id, 'reject', { reason: 'Colours too dark' });
    expect(await json(rejected)).toMatchObject({ status: 'DRAFT', rejectionReason: 'Colours too dark' });
    expect(
      (await json(await call('PATCH', `/designs/${created.id}`, { token: seller.token, body: { name: 'Morel, brighter' } }))).name,
    ).toBe('Morel, brighter');
    await act(seller, created.id, 'submit');
    expect((await act(seller, created.id, 'approve')).status).toBe(403); // a seller cannot approve their own work
    expect((await json(await act(leader, created.id, 'approve'))).status).toBe('APPROVED');
    await refuse(leader, 'submit', 'APPROVED', 'REVIEW');
    await refuse(leader, 'reject', 'APPROVED', 'DRAFT', { reason: 'x' });
    const events = await db.query(
      "SELECT payload FROM outbox_event WHERE subject = 'evt.catalog.design.approved' AND payload->>'designId' = $1",
      [created.id],
    );
    expect(events.rows.map((r) => r.payload)).toEqual([
      { designId: created.id, teamId: teamA, fingerprint: created.fingerprint, approvedBy: leader.id },
    ]);
    expect((await json(await act(seller, created.id, 'archive'))).status).toBe('ARCHIVED');
    for (const action of ['submit', 'approve', 'archive'])
      await refuse(leader, action, 'ARCHIVED', action === 'submit' ? 'REVIEW' : action === 'approve' ? 'APPROVED' : 'ARCHIVED');
    expect((await db.query('SELECT status FROM designs WHERE id = $1', [created.id])).rows).toEqual([{ status: 'ARCHIVED' }]);
  });

  it('refuses the same artwork twice naming the existing design, and isAutoFulfillmentReady before approval', async () => {
    const first = await design(seller, teamA, 'https://CDN.example.com/art/oyster.png?b=2&a=1');
    const again = await call('POST', '/designs', {
      token: rival.token,
      body: { teamId: teamB, name: 'Copy', artworkUrl: ' https://cdn.example.com:443/art/oyster.png?a=1&b=2#x' },
    });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ code: 'CATALOG.DUPLICATE_DESIGN', existingDesignId: first.id });
    const early = await call('PATCH', `/designs/${first.id}`, { token: seller.token, body: { isAutoFulfillmentReady: true } });
    expect([early.status, (await json(early)).errors[0].field]).toEqual([400, 'isAutoFulfillmentReady']);
    await act(seller, first.id, 'submit');
    await act(leader, first.id, 'approve');
    const ready = await call('PATCH', `/designs/${first.id}`, { token: seller.token, body: { isAutoFulfillmentReady: true } });
    expect([ready.status, (await json(ready)).isAutoFulfillmentReady]).toEqual([200, true]);
    const bad = await call('POST', '/designs', { token: seller.token, body: { teamId: teamA, name: '', artworkUrl: 'x', version: 0 } });
    expect((await json(bad)).errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'version']);
  });

  it("hides another team's designs (404) and lists only the caller's team, filtered by status", async () => {
    const mine = await design(seller, teamA);
    for (const [method, path, body] of [
      ['GET', `/designs/${mine.id}`],
      ['PATCH', `/designs/${mine.id}`, { name: 'taken' }],
      ['POST', `/designs/${mine.id}/submit`],
    ] as const) {
      const r = await call(method, path, { token: rival.token, body });
      expect([method, path, r.status, (await json(r)).code]).toEqual([method, path, 404, 'CATALOG.DESIGN_NOT_FOUND']);
    }
    const foreignTeam = await call('POST', '/designs', {
      token: rival.token,
      body: { teamId: teamA, name: 'Sneaky', artworkUrl: 'https://cdn.example.com/sneaky.png' },
    });
    expect(foreignTeam.status).toBe(404);
    const drafts = await json(await call('GET', '/designs?status=DRAFT&limit=100', { token: seller.token }));
    expect(drafts.items.every((d: { teamId: string; status: string }) => d.teamId === teamA && d.status === 'DRAFT')).toBe(true);
    expect(drafts.items.map((d: { id: string }) => d.id)).toContain(mine.id);
    expect((await json(await call('GET', '/designs', { token: rival.token }))).items).toEqual([]);
    const page = await json(await call('GET', '/designs?limit=1', { token: seller.token }));
    const next = await json(await call('GET', `/designs?limit=1&cursor=${page.nextCursor}`, { token: seller.token }));
    expect(next.items[0].id).not.toBe(page.items[0].id);
  });

  it('links designs to a product of the same team with exactly one default', async () => {
    const productId = await product(teamA);
    const [d1, d2, foreign] = [await design(seller, teamA), await design(seller, teamA), await design(rival, teamB)];
    const first = await json(
      await call('POST', `/products/${productId}/designs`, {
        token: seller.token,
        body: { designId: d1.id, placementSettings: { area: 'front' } },
      }),
    );
    expect(first).toMatchObject({ designId: d1.id, isDefault: true, placementSettings: { area: 'front' } });
    expect(
      (await call('POST', `/products/${productId}/designs`, { token: seller.token, body: { designId: d2.id, isDefault: true } })).status,
    ).toBe(201);
    const defaults = async () =>
      (await db.query('SELECT design_id FROM product_designs WHERE product_id = $1 AND is_default', [productId])).rows.map(
        (r) => r.design_id,
      );
    expect(await defaults()).toEqual([d2.id]);
    const listed = await json(await call('GET', `/products/${productId}/designs`, { token: seller.token }));
    expect(listed.map((l: { designId: string; isDefault: boolean }) => [l.designId, l.isDefault])).toEqual([
      [d2.id, true],
      [d1.id, false],
    ]);
    expect((await call('POST', `/products/${productId}/designs`, { token: seller.token, body: { designId: d1.id } })).status).toBe(409);
    expect((await call('POST', `/products/${productId}/designs`, { token: seller.token, body: { designId: foreign.id } })).status).toBe(
      404,
    );
    expect((await call('GET', `/products/${productId}/designs`, { token: rival.token })).status).toBe(404);
    expect((await call('DELETE', `/products/${productId}/designs/${d2.id}`, { token: seller.token })).status).toBe(200);
    expect(await defaults()).toEqual([d1.id]);
  });

  it('reviews: rating 1..5, one per user, unverified without orders, verified by its answer, rating kept, one seller response', async () => {
    const productId = await product(teamA);
    const [buyer, buyer2] = [await account(['BUYER', 'USER'], 'buyer'), await account(['BUYER', 'USER'], 'buyer')];
    for (const rating of [0, 6]) {
      const r = await call('POST', `/products/${productId}/reviews`, { token: buyer.token, body: { rating } });
      expect([r.status, (await json(r)).errors[0].field]).toEqual([400, 'rating']);
    }
    const first = await call('POST', `/products/${productId}/reviews`, {
      token: buyer.token,
      body: { rating: 2, title: 'Meh', photos: ['https://img.example.com/1.jpg'] },
    });
    const firstView = await json(first);
    expect([first.status, firstView]).toEqual([201, expect.objectContaining({ rating: 2, verified: false, userId: buyer.id })]);
    expect((await call('POST', `/products/${productId}/reviews`, { token: buyer.token, body: { rating: 5 } })).status).toBe(409);

    const asked: unknown[] = [];
    const responder = stack.nc.subscribe('orders.purchase.verify', {
      callback: (_err, msg) => {
        const packet = JSON.parse(new TextDecoder().decode(msg.data));
        asked.push(packet.data);
        msg.respond(JSON.stringify({ response: { purchased: true }, isDisposed: true, id: packet.id }));
      },
    });
    await stack.nc.flush();
    const second = await json(
      await call('POST', `/products/${productId}/reviews`, { token: buyer2.token, body: { rating: 5, body: 'Great' } }),
    );
    responder.unsubscribe();
    expect(second.verified).toBe(true);
    expect(asked).toEqual([{ userId: buyer2.id, productId }]);
    expect((await db.query('SELECT rating_average::text AS avg, rating_count FROM products WHERE id = $1', [productId])).rows).toEqual([
      { avg: '3.50', rating_count: 2 },
    ]);

    const publicPage = (query: string) => fetch(`${stack.base}/api/v1/products/${productId}/reviews${query}`).then(json); // no token
    expect((await publicPage('')).items.map((r: { id: string }) => r.id)).toEqual([second.id, firstView.id]);
    const newest = await publicPage('?limit=1');
    expect([newest.items[0].id, (await publicPage(`?limit=1&cursor=${newest.nextCursor}`)).items[0].id]).toEqual([second.id, firstView.id]);
    expect((await call('POST', `/reviews/${second.id}/response`, { token: rival.token, body: { response: 'Thanks!' } })).status).toBe(404);
    const answered = await call('POST', `/reviews/${second.id}/response`, { token: seller.token, body: { response: 'Thanks!' } });
    expect([answered.status, (await json(answered)).response]).toEqual([201, 'Thanks!']);
    const twice = await call('POST', `/reviews/${second.id}/response`, { token: seller.token, body: { response: 'Again' } });
    expect([twice.status, (await json(twice)).code]).toEqual([409, 'CATALOG.ALREADY_RESPONDED']);
  });
});
