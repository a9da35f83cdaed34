import { windowStartOf } from './fixed-window';
import { MemoryWindowStorage } from './memory-window-storage';
import { routeClassOf, trackerOf } from './route-class';

describe('MemoryWindowStorage', () => {
  afterEach(() => jest.useRealTimers());

  it('counts per key in windows aligned to the epoch; the limit+1-th hit is blocked until the window ends', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T10:00:50.000Z') });
    const storage = new MemoryWindowStorage();
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await storage.increment('k', 60_000, 3));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(hits[3]).toMatchObject({ timeToExpire: 10, timeToBlockExpire: 10, windowStart: Date.parse('2026-12-07T10:00:00.000Z') });
    expect(await storage.increment('other', 60_000, 3)).toMatchObject({ totalHits: 1, isBlocked: false });
    jest.setSystemTime(new Date('2026-12-07T10:01:00.000Z'));
    expect(await storage.increment('k', 60_000, 3)).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 60 });
    storage.sweep(Date.now());
    expect(storage.size).toBe(1);
    storage.onApplicationShutdown();
  });

  it('windowStartOf gives every replica the same start', () => {
    expect(windowStartOf(Date.parse('2026-12-07T10:00:59.999Z'), 60_000)).toBe(Date.parse('2026-12-07T10:00:00.000Z'));
    expect(windowStartOf(Date.parse('2026-12-07T10:01:00.000Z'), 60_000)).toBe(Date.parse('2026-12-07T10:01:00.000Z'));
  });
});

describe('route classes and trackers', () => {
  it('limits sign-in, registration and password reset strictly, exempts probes and file downloads', () => {
    expect(routeClassOf('POST', '/api/v1/auth/login')).toBe('strict');
    expect(routeClassOf('POST', '/api/v1/auth/register')).toBe('strict');
    expect(routeClassOf('POST', '/api/v1/auth/password/forgot')).toBe('strict');
    expect(routeClassOf('POST', '/api/v1/auth/password/reset')).toBe('strict');
    expect(routeClassOf('POST', '/api/v1/auth/refresh')).toBe('default');
    expect(routeClassOf('GET', '/api/v1/orders/:orderId')).toBe('default');
    expect(routeClassOf('GET', '/api/v1/files')).toBe('exempt');
    expect(routeClassOf('GET', '/health')).toBe('exempt');
    expect(routeClassOf('GET', '/metrics')).toBe('exempt');
  });

  it('counts an API key before its owner, a user before the address', () => {
    expect(trackerOf({ ip: '10.0.0.1', user: { userId: 'u1', apiKeyId: 'k1' } })).toBe('key:k1');
    expect(trackerOf({ ip: '10.0.0.1', user: { userId: 'u1' } })).toBe('user:u1');
    expect(trackerOf({ ip: '10.0.0.1' })).toBe('ip:10.0.0.1');
  });
});
