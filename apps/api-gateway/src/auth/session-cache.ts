import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from '@nats-io/nats-core';
import { AccessChangedPayload, IdentityEvents, SessionRevokedPayload } from '@suite/contracts/identity';
import { CallerIdentity, NatsConnectionService } from '@suite/platform';
import { GatewayConfig } from '../service';

interface Entry {
  caller: CallerIdentity;
  expiresAt: number;
}

/** Enough for every active session of a large shop; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 50000;

/**
 * Resolved bearer sessions, so an authenticated request does not cost a round trip to identity.
 * Identity's events end an entry at once: a revoked session (logout, password change, disabled
 * account, ended impersonation) and a change of what users may do (roles, role permissions, teams).
 * They are read with a plain subscription on every gateway instance (each needs every one; nothing
 * is lost by missing one but time: an entry lives SESSION_CACHE_TTL_MS at most, and the whole cache
 * is dropped when the NATS connection comes back, since events may have passed meanwhile).
 */
@Injectable()
export class SessionCache implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SessionCache.name);
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a lookup that started before one does not store its (maybe stale) answer. */
  private generation = 0;
  private subscriptions: Subscription[] = [];
  private readonly ttlMs: number;

  constructor(
    private readonly connection: NatsConnectionService,
    config: GatewayConfig,
  ) {
    this.ttlMs = config.SESSION_CACHE_TTL_MS;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.ttlMs === 0) return;
    const nc = await this.connection.get();
    this.subscriptions = [
      nc.subscribe(IdentityEvents.SessionRevoked, { callback: (_, msg) => this.sessionRevoked(msg.json<SessionRevokedPayload>()) }),
      nc.subscribe(IdentityEvents.AccessChanged, { callback: (_, msg) => this.accessChanged(msg.json<AccessChangedPayload>()) }),
    ];
    void (async () => {
      for await (const status of nc.status()) if (status.type === 'reconnect') this.clear();
    })();
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** The session's caller from the cache, or from `load` (identity), kept for the next request. */
  async resolve(sessionId: string | undefined, load: () => Promise<CallerIdentity>): Promise<CallerIdentity> {
    if (this.ttlMs === 0 || !sessionId) return load();
    const hit = this.entries.get(sessionId);
    if (hit && hit.expiresAt > Date.now()) return hit.caller;
    const generation = this.generation;
    const caller = await load();
    if (generation === this.generation) {
      this.entries.delete(sessionId); // re-inserted last, so the oldest entry is the first in the map
      this.entries.set(sessionId, { caller, expiresAt: Date.now() + this.ttlMs });
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    }
    return caller;
  }

  private sessionRevoked(event: SessionRevokedPayload): void {
    this.generation++;
    this.entries.delete(event.sessionId);
  }

  private accessChanged(event: AccessChangedPayload): void {
    if (event.everyone) return this.clear();
    this.generation++;
    const users = new Set(event.userIds);
    for (const [sessionId, entry] of this.entries)
      if (entry.caller.userId && users.has(entry.caller.userId)) this.entries.delete(sessionId);
  }

  private clear(): void {
    this.generation++;
    if (this.entries.size > 0) this.logger.debug({ dropped: this.entries.size }, 'session cache cleared');
    this.entries.clear();
  }
}
