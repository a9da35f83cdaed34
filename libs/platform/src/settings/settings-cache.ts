import { Logger } from '@nestjs/common';

/** A setting as a service reads it: its key, the typed default when the key is missing, and how to read a stored value. */
export interface SettingDefinition<T> {
  readonly key: string;
  readonly defaultValue: T;
  /** The stored value as T, or undefined when it is not one (the default is used then). */
  readonly parse: (value: unknown) => T | undefined;
}

const kindOf = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/**
 * Declares a setting: `const LogSearches = defineSetting('search.logEnabled', true)`. Without `parse`,
 * a stored value is accepted when it has the default's JSON kind (boolean, number, string, array,
 * object), so a wrong type set by hand never reaches the code as another type.
 */
export function defineSetting<T>(key: string, defaultValue: T, parse?: (value: unknown) => T | undefined): SettingDefinition<T> {
  const kind = kindOf(defaultValue);
  return { key, defaultValue, parse: parse ?? ((value) => (kindOf(value) === kind ? (value as T) : undefined)) };
}

/** Where the values come from, and the news that one changed (`null`: anything may have changed). */
export interface SettingsBackend {
  /** The stored values of the keys that exist. */
  load(keys: string[]): Promise<Map<string, unknown>>;
  /** Called once, before the first load: `listener` must hear every change from then on. */
  watch(listener: (key: string | null) => void): Promise<void>;
}

const MISSING = Symbol('missing');
interface Entry {
  value: unknown;
  expiresAt: number;
}

/** After a failed load, the default (or the last value) is served this long before asking again. */
const FAILURE_BACKOFF_MS = 5000;

/**
 * The settings of one process, cached: a read costs a round trip only when the key is not cached or
 * its entry is older than `ttlMs`. A change drops the key at once (the backend's watch); the TTL only
 * bounds how long a change this process did not hear about (a dropped connection) can stay unseen.
 * When the owner cannot answer, the last known value or else the default is served.
 */
export class SettingsCache {
  private readonly logger = new Logger('Settings');
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every change: a load that started before one does not store its (maybe stale) answer. */
  private generation = 0;
  private watching?: Promise<void>;
  private readonly warned = new Set<string>();
  /** Loads under way, by their keys: a burst of reads of a cold key costs one round trip, not one each. */
  private readonly loading = new Map<string, Promise<Map<string, unknown>>>();

  constructor(
    private readonly backend: SettingsBackend,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get<T>(setting: SettingDefinition<T>): Promise<T> {
    const [value] = await this.getAll([setting]);
    return value as T;
  }

  /** Several settings in one round trip at most, in the order given. */
  async getAll<D extends readonly SettingDefinition<unknown>[]>(
    settings: D,
  ): Promise<{ [I in keyof D]: D[I] extends SettingDefinition<infer T> ? T : never }> {
    const now = this.now();
    const stale = settings.filter((s) => (this.entries.get(s.key)?.expiresAt ?? 0) <= now);
    const loaded = stale.length > 0 ? await this.refreshOnce([...new Set(stale.map((s) => s.key))].sort()) : new Map<string, unknown>();
    return settings.map((s) => this.typed(s, loaded.has(s.key) ? loaded.get(s.key) : (this.entries.get(s.key)?.value ?? MISSING))) as never;
  }

  /** Drops one key (or everything): the next read asks the owner. */
  invalidate(key: string | null): void {
    this.generation++;
    if (key === null) this.entries.clear();
    else this.entries.delete(key);
  }

  private refreshOnce(keys: string[]): Promise<Map<string, unknown>> {
    const id = keys.join('\n');
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.refresh(keys).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** The keys' current values (MISSING for absent ones), cached unless a change arrived while they were read. */
  private async refresh(keys: string[]): Promise<Map<string, unknown>> {
    this.watching ??= this.backend
      .watch((key) => this.invalidate(key))
      .catch((error) => {
        this.watching = undefined;
        throw error;
      });
    const generation = this.generation;
    try {
      await this.watching;
      const found = await this.backend.load(keys);
      const values = new Map(keys.map((key) => [key, found.has(key) ? found.get(key) : MISSING]));
      // A change that arrived meanwhile may postdate this answer: use it for this read only.
      if (generation !== this.generation) return values;
      const expiresAt = this.now() + this.ttlMs;
      for (const [key, value] of values) this.entries.set(key, { value, expiresAt });
      return values;
    } catch (error) {
      this.logger.warn({ err: error, keys }, 'settings could not be read; serving the last known values or the defaults');
      const retryAt = this.now() + Math.min(this.ttlMs, FAILURE_BACKOFF_MS);
      const values = new Map(keys.map((key) => [key, this.entries.get(key)?.value ?? MISSING]));
      for (const [key, value] of values) this.entries.set(key, { value, expiresAt: retryAt });
      return values;
    }
  }

  private typed<T>(setting: SettingDefinition<T>, stored: unknown): T {
    if (stored === MISSING) return setting.defaultValue;
    const value = setting.parse(stored);
    if (value !== undefined) return value;
    if (!this.warned.has(setting.key)) {
      this.warned.add(setting.key);
      this.logger.warn({ key: setting.key }, 'stored setting has the wrong type; using the default');
    }
    return setting.defaultValue;
  }
}
