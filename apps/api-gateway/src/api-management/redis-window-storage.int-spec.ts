import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { rateLimitStorageErrors, RedisWindowStorage } from './redis-window-storage';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Against a real Redis (.ci/run starts one): the counter two replicas share, its expiry, and failing open. */
describe('RedisWindowStorage', () => {
  const prefix = `test:${randomUUID()}:`;
  const replicas = [new RedisWindowStorage(REDIS_URL, prefix), new RedisWindowStorage(REDIS_URL, prefix)];
  const admin = new Redis(REDIS_URL);

  beforeAll(() => Promise.all(replicas.map((r) => r.ready())));
  afterAll(async () => {
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
    await Promise.all(replicas.map((r) => r.onApplicationShutdown()));
  });

  it('two replicas count into one window atomically: 50 concurrent hits are numbered 1..50, the ones over 20 blocked', async () => {
    const hits = await Promise.all(Array.from({ length: 50 }, (_, i) => replicas[i % 2].increment('k', 60_000, 20)));
    expect(hits.map((h) => h.totalHits).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(hits.filter((h) => h.isBlocked)).toHaveLength(30);
    expect(new Set(hits.map((h) => h.windowStart)).size).toBeLessThanOrEqual(2); // a minute boundary may fall inside
    const [key] = await admin.keys(`${prefix}k:*`);
    const ttl = await admin.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(65_000); // the window's end plus the margin, not forever
  });

  it('lets requests through (fails open) when Redis does not answer, and counts that', async () => {
    const down = new RedisWindowStorage('redis://127.0.0.1:1', prefix, 100);
    const before = (await rateLimitStorageErrors.get()).values[0]?.value ?? 0;
    const record = await down.increment('k', 60_000, 1);
    expect(record).toMatchObject({ totalHits: 0, isBlocked: false });
    expect((await rateLimitStorageErrors.get()).values[0]?.value).toBe(before + 1);
    await down.onApplicationShutdown();
  });
});
