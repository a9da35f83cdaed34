import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from '@nats-io/nats-core';
import { SettingChangedPayload, SettingsReadMany, SettingSubjects } from '@suite/contracts/core';
import { NatsClient } from '../nats/nats-client';
import { NatsConnectionService } from '../nats/nats-connection';
import { SettingsBackend, SettingsCache } from './settings-cache';

/**
 * Analytics over NATS: values by `analytics.setting.read-many`, changes by a plain core-NATS
 * subscription to `evt.analytics.setting.changed` (which the outbox relay publishes into JetStream;
 * core subscribers receive it as well). Not a durable consumer: that delivers each event to ONE
 * replica, and every replica's cache must drop the key. What a core subscription can miss (a
 * dropped connection) costs at most the TTL, and the whole cache is dropped when the link is back.
 */
const LOAD_TIMEOUT_MS = 2000;

class NatsSettingsBackend implements SettingsBackend {
  private subscription?: Subscription;

  constructor(
    private readonly nats: NatsClient,
    private readonly connection: NatsConnectionService,
  ) {}

  async load(keys: string[]): Promise<Map<string, unknown>> {
    // Bounded: a read sits on its caller's path (a search), and on failure the cache serves defaults.
    const values = await this.nats.call(SettingsReadMany, { keys }, { timeoutMs: LOAD_TIMEOUT_MS });
    return new Map(values.map((v) => [v.key, v.value]));
  }

  async watch(listener: (key: string | null) => void): Promise<void> {
    const nc = await this.connection.get();
    this.subscription = nc.subscribe(SettingSubjects.Changed, {
      callback: (error, msg) => {
        if (error) return listener(null);
        try {
          listener(msg.json<SettingChangedPayload>().key ?? null);
        } catch {
          listener(null);
        }
      },
    });
    void (async () => {
      for await (const status of nc.status()) if (status.type === 'reconnect') listener(null);
    })();
    await nc.flush(); // the server has the subscription before the first value is read
  }

  close(): void {
    this.subscription?.unsubscribe();
  }
}

/**
 * How a service reads system settings: `await settings.get(defineSetting('search.logEnabled', true))`.
 * Cached per process for SETTINGS_CACHE_TTL_MS; a change made through /settings reaches every replica
 * of every service at once (the event), and a missing key or an unreachable analytics gives the default.
 */
@Injectable()
export class Settings extends SettingsCache implements OnModuleDestroy {
  private readonly natsBackend: NatsSettingsBackend;

  constructor(nats: NatsClient, connection: NatsConnectionService, ttlMs: number) {
    const backend = new NatsSettingsBackend(nats, connection);
    super(backend, ttlMs);
    this.natsBackend = backend;
  }

  onModuleDestroy(): void {
    this.natsBackend.close();
  }
}
