// `npm run seed`'s demo world, as a user gets it: the seed's CLI (dist/tools/seed/main.js) against a whole stack, run
// twice. What it built is read back from each service's own database; the second run must find all of it and add nothing.
import { BACKEND_SERVICES } from '@suite/platform/config';
import { freePort, run } from './processes';
import { Stack, startStack } from './stack';

const ADMIN = { email: 'admin@example.com', password: 'Mycelium#Root2026' };
const SEED_CLI = 'dist/tools/seed/main.js';

async function seed(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const cli = run(process.execPath, [SEED_CLI], env);
  const code = await new Promise<number | null>((resolve) => cli.child.once('exit', (c) => resolve(c)));
  return { code, output: cli.output() };
}

/** Per service, the demo's rows by their keys (and statuses), so two snapshots differ if anything was added or moved. */
const CENSUS: [string, string][] = [
  ['identity', "SELECT email AS key FROM users WHERE email LIKE '%@example.com' ORDER BY 1"],
  [
    'identity',
    "SELECT t.name || ':' || count(m.*) AS key FROM teams t LEFT JOIN team_members m ON m.team_id = t.id GROUP BY t.name ORDER BY 1",
  ],
  ['catalog', "SELECT platform || ':' || name AS key FROM stores ORDER BY 1"],
  ['catalog', "SELECT id || ':' || status AS key FROM products ORDER BY 1"],
  ['catalog', 'SELECT code AS key FROM system_variants ORDER BY 1'],
  [
    'catalog',
    "SELECT d.id || ':' || d.status || ':' || count(pd.*) AS key FROM designs d LEFT JOIN product_designs pd ON pd.design_id = d.id GROUP BY d.id ORDER BY 1",
  ],
  ['fulfillment', 'SELECT code AS key FROM factories ORDER BY 1'],
  [
    'fulfillment',
    "SELECT id::text AS key FROM factory_locations UNION ALL SELECT user_id || '@' || factory_id FROM factory_users ORDER BY 1",
  ],
  ['fulfillment', 'SELECT id AS key FROM supplier_variants ORDER BY 1'],
  ['fulfillment', "SELECT order_id || ':' || status AS key FROM fulfillments ORDER BY 1"],
  ['orders', "SELECT id || ':' || status AS key FROM orders ORDER BY 1"],
  ['logistics', "SELECT id || ':' || status AS key FROM shipments ORDER BY 1"],
  ['logistics', "SELECT id || ':' || status AS key FROM returns ORDER BY 1"],
  ['iot-telemetry', 'SELECT serial_number AS key FROM devices ORDER BY 1'],
  ['iot-telemetry', 'SELECT id::text AS key FROM sensors UNION ALL SELECT id::text FROM sensor_thresholds ORDER BY 1'],
  ['alerting', 'SELECT name AS key FROM alert_rules WHERE NOT is_deleted ORDER BY 1'],
  ['analytics', "SELECT name || ':' || coalesce(schedule->>'cron', '-') AS key FROM reports ORDER BY 1"],
];

describe('npm run seed: the demo world through the API, twice', () => {
  let stack: Stack;
  const census = async () => {
    const result: string[][] = [];
    for (const [service, sql] of CENSUS) result.push((await (await stack.db(service as never)).query(sql)).rows.map((r) => r.key));
    return result;
  };
  const count = async (service: string, sql: string) => (await (await stack.db(service as never)).query(sql)).rows;

  beforeAll(async () => {
    stack = await startStack([...BACKEND_SERVICES], {
      SEED_ADMIN_EMAIL: ADMIN.email,
      SEED_ADMIN_PASSWORD: ADMIN.password,
      // An import asks catalog for its SKUs while nine services share the machine: longer than the specs' usual 3 s.
      NATS_REQUEST_TIMEOUT_MS: '10000',
      // The production limit on sign-ins and registrations (ten a minute), not the specs' unlimited one: the seed must live with it.
      RATE_LIMIT_STRICT_LIMIT: '10',
    });
  }, 180000);

  afterAll(() => stack?.stop());

  it('says to start the suite first when no gateway answers, and exits non-zero', async () => {
    const { code, output } = await seed({ ...process.env, GATEWAY_URL: `http://127.0.0.1:${await freePort()}` });
    expect(code).toBe(1);
    expect(output).toContain('start the suite with npm start first');
  });

  it('builds every area of the demo world, prints the sign-ins, and a second run changes nothing', async () => {
    const env = { ...stack.env, GATEWAY_URL: stack.base, SEED_ADMIN_EMAIL: ADMIN.email, SEED_ADMIN_PASSWORD: ADMIN.password };
    const first = await seed(env);
    expect([first.code, first.code === 0 ? '' : first.output]).toEqual([0, '']);
    for (const signIn of [
      'admin@example.com',
      'seller.maya@example.com',
      'fulfiller.paolo@example.com',
      'grower.gina@example.com',
      'buyer.ben@example.com',
    ])
      expect(first.output).toContain(signIn);
    expect(first.output.match(/^ {2}(TOKEN=\$\()?curl /gm)).toHaveLength(3);
    const before = await census();

    const second = await seed(env);
    expect([second.code, second.code === 0 ? '' : second.output]).toEqual([0, '']);
    expect(await census()).toEqual(before);

    // The world itself: people, a seller team with a TikTok Shop and a Shopify store, approved designs on every product...
    expect(before[0]).toEqual([
      'admin@example.com',
      'buyer.ben@example.com',
      'fulfiller.paolo@example.com',
      'grower.gina@example.com',
      'seller.maya@example.com',
    ]);
    expect(before[2]).toEqual(['SHOPIFY:Spore Merch on Shopify', 'TIKTOK_SHOP:Spore Merch on TikTok']);
    expect([before[3].length, before[4].length]).toEqual([3, 4]);
    expect(before[5].map((d) => d.split(':').slice(1).join(':'))).toEqual(['APPROVED:1', 'APPROVED:1', 'APPROVED:1']);
    // ...factories with locations, supplier variants and the fulfiller...
    expect([before[6], before[7].length, before[8].length]).toEqual([['MNL-1', 'PDX-1'], 3, 8]);
    // ...orders at every stage...
    expect(await count('orders', 'SELECT status, count(*)::int AS n FROM orders GROUP BY status ORDER BY status::text')).toEqual([
      { status: 'DELIVERED', n: 2 }, // one of them returned
      { status: 'PENDING', n: 1 }, // the web-shop order, awaiting its GCash payment
      { status: 'PROCESSING', n: 2 }, // routed, and in production
      { status: 'SHIPPED', n: 1 },
    ]);
    expect(await count('fulfillment', 'SELECT status, count(*)::int AS n FROM fulfillments GROUP BY status ORDER BY status::text')).toEqual(
      [
        { status: 'DELIVERED', n: 2 },
        { status: 'IN_PRODUCTION', n: 1 },
        { status: 'PENDING', n: 1 },
        { status: 'SHIPPED', n: 1 },
      ],
    );
    expect(await count('logistics', 'SELECT status, count(*)::int AS n FROM shipments GROUP BY status ORDER BY status::text')).toEqual([
      { status: 'DELIVERED', n: 2 },
      { status: 'DISPATCHED', n: 1 },
    ]);
    expect(before[12].map((r) => r.split(':')[1])).toEqual(['COMPLETED']);
    // ...a grower's chambers with sensors and thresholds, alert rules and a scheduled report.
    expect([before[13], before[14].length]).toEqual([['DEMO-CH-001', 'DEMO-CH-002'], 16]);
    expect(before[15]).toEqual(expect.arrayContaining(['Demo: chamber above 30 °C', 'Demo: shipment exceptions']));
    expect(before[16]).toEqual(['Demo: weekly orders:0 7 * * 1']);
  }, 600000);
});
