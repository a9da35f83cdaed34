import { Logger } from '@nestjs/common';
import { defineSetting, SettingsBackend, SettingsCache } from './settings-cache';

/** A backend over an in-memory table, counting loads, with a hand-driven change feed. */
class FakeBackend implements SettingsBackend {
  readonly table = new Map<string, unknown>();
  loads: string[][] = [];
  fail = false;
  /** When set, a load waits for it (to let a change arrive mid-load). */
  gate?: Promise<void>;
  private listener?: (key: string | null) => void;

  async load(keys: string[]): Promise<Map<string, unknown>> {
    this.loads.push(keys);
    const snapshot = new Map(keys.filter((k) => this.table.has(k)).map((k) => [k, this.table.get(k)]));
    if (this.gate) await this.gate;
    if (this.fail) throw new Error('analytics is down');
    return snapshot;
  }

  async watch(listener: (key: string | null) => void): Promise<void> {
    this.listener = listener;
  }

  change(key: string | null, value?: unknown): void {
    if (key !== null) {
      if (value === undefined) this.table.delete(key);
      else this.table.set(key, value);
    }
    this.listener?.(key);
  }
}

const Currency = defineSetting('shop.currency', 'PHP');
const Limit = defineSetting('search.limit', 20, (v) => (Number.isInteger(v) && (v as number) > 0 ? (v as number) : undefined));
const Enabled = defineSetting('search.logEnabled', true);

describe('SettingsCache', () => {
  let backend: FakeBackend;
  let clock: number;
  let cache: SettingsCache;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    backend = new FakeBackend();
    clock = 1_000_000;
    cache = new SettingsCache(backend, 60_000, () => clock);
  });

  it('answers the typed default for a missing key, and caches that it is missing', async () => {
    expect(await cache.get(Currency)).toBe('PHP');
    expect(await cache.get(Currency)).toBe('PHP');
    expect(backend.loads).toEqual([['shop.currency']]);
  });

  it('reads stored values once per TTL, several keys in one load', async () => {
    backend.table.set('shop.currency', 'USD');
    backend.table.set('search.limit', 50);
    expect(await cache.getAll([Currency, Limit, Enabled] as const)).toEqual(['USD', 50, true]);
    expect(await cache.get(Limit)).toBe(50);
    expect(backend.loads).toEqual([['search.limit', 'search.logEnabled', 'shop.currency']]);
    backend.table.set('search.limit', 70); // changed behind the cache's back (no event): seen after the TTL
    clock += 59_999;
    expect(await cache.get(Limit)).toBe(50);
    clock += 1;
    expect(await cache.get(Limit)).toBe(70);
  });

  it('drops a key on its change event, so the next read sees the new value before the TTL', async () => {
    backend.table.set('shop.currency', 'USD');
    expect(await cache.get(Currency)).toBe('USD');
    backend.change('shop.currency', 'EUR');
    expect(await cache.get(Currency)).toBe('EUR');
    backend.change('shop.currency'); // deleted: back to the default
    expect(await cache.get(Currency)).toBe('PHP');
  });

  it('drops everything on a reconnect (null change)', async () => {
    backend.table.set('shop.currency', 'USD');
    backend.table.set('search.limit', 5);
    await cache.getAll([Currency, Limit] as const);
    backend.table.set('shop.currency', 'JPY');
    backend.table.set('search.limit', 6);
    backend.change(null);
    expect(await cache.getAll([Currency, Limit] as const)).toEqual(['JPY', 6]);
  });

  it('does not keep a value read before a change that arrived during the read', async () => {
    backend.table.set('shop.currency', 'USD');
    let open!: () => void;
    backend.gate = new Promise((resolve) => (open = resolve));
    const reading = cache.get(Currency);
    await new Promise((resolve) => setImmediate(resolve));
    backend.change('shop.currency', 'EUR'); // the load above already took its snapshot: USD
    open();
    expect(await reading).toBe('USD');
    backend.gate = undefined;
    expect(await cache.get(Currency)).toBe('EUR');
  });

  it('serves the default for a stored value of the wrong type (or one parse refuses)', async () => {
    backend.table.set('shop.currency', 42);
    backend.table.set('search.limit', -3);
    backend.table.set('search.logEnabled', 'yes');
    expect(await cache.getAll([Currency, Limit, Enabled] as const)).toEqual(['PHP', 20, true]);
  });

  it('keeps serving the last value, then the default, while the owner cannot answer; retries after a short backoff', async () => {
    backend.table.set('shop.currency', 'USD');
    expect(await cache.get(Currency)).toBe('USD');
    clock += 60_000;
    backend.fail = true;
    expect(await cache.get(Currency)).toBe('USD');
    expect(await cache.get(Limit)).toBe(20);
    const loads = backend.loads.length;
    expect(await cache.get(Currency)).toBe('USD'); // within the backoff: no new load
    expect(backend.loads.length).toBe(loads);
    backend.fail = false;
    backend.table.set('shop.currency', 'EUR');
    clock += 5_000;
    expect(await cache.get(Currency)).toBe('EUR');
  });

  it('shares one load between concurrent reads of the same cold keys', async () => {
    backend.table.set('shop.currency', 'USD');
    const values = await Promise.all(Array.from({ length: 20 }, () => cache.get(Currency)));
    expect([new Set(values), backend.loads.length]).toEqual([new Set(['USD']), 1]);
  });

  it('with a TTL of 0 asks every time', async () => {
    cache = new SettingsCache(backend, 0, () => clock);
    await cache.get(Currency);
    await cache.get(Currency);
    expect(backend.loads.length).toBe(2);
  });
});
