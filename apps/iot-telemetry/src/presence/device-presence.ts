import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { InjectDb, OutboxRelay } from '@suite/platform';
import { IotTelemetryConfig } from '../config';
import { DeviceDirectory } from '../ingest/device-directory';
import { markSeen } from './presence-sql';

interface DeviceState {
  /** newest time seen and not yet written (ms), or 0 */
  pending: number;
  /** newest lastSeen written by this process (ms) */
  written: number;
  /** wall clock of the last write, for the per-device throttle */
  writtenAt: number;
  /** false until this process has checked (and if need be flipped) the device's status */
  confirmed: boolean;
}

/** urgent: only devices whose status is unchecked (they may be OFFLINE); due: those past their throttle too; all: shutdown. */
type FlushMode = 'urgent' | 'due' | 'all';

const TICK_MS = 1000;
/** Devices silent this long are dropped from memory (the next seen() re-checks their status). */
const FORGET_AFTER_MS = 10 * 60 * 1000;

/**
 * lastSeen and OFFLINE -> ONLINE. seen() is called per device per stored batch, thousands of times a second, so it only
 * touches memory: lastSeen is written at most every LAST_SEEN_WRITE_SECONDS per device, all due devices in one statement
 * per tick. The first time a device is seen (by this process, or after the watchdog took it OFFLINE, which announces it
 * through DeviceDirectory.forget) it is written at once: an OFFLINE device becomes ONLINE without waiting for the throttle,
 * with its DeviceOnline event in the same transaction. The periodic write repeats the OFFLINE -> ONLINE check, so a missed
 * broadcast delays the transition by one throttle period at worst, never loses it.
 */
@Injectable()
export class DevicePresence implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DevicePresence');
  private readonly devices = new Map<string, DeviceState>();
  private timer?: NodeJS.Timeout;
  /** Writes run one after another: at most one presence statement in flight, however many devices appear at once. */
  private chain: Promise<void> = Promise.resolve();
  private urgentQueued = false;
  private dueQueued = false;

  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly config: IotTelemetryConfig,
    private readonly outbox: OutboxRelay,
    private readonly directory: DeviceDirectory,
  ) {}

  onApplicationBootstrap(): void {
    // A device changed (or went OFFLINE, by the watchdog of any replica): check its status again on its next message.
    this.directory.onChange((deviceId) => {
      if (!deviceId) for (const state of this.devices.values()) state.confirmed = false;
      else {
        const state = this.devices.get(deviceId);
        if (state) state.confirmed = false;
      }
    });
    this.timer = setInterval(() => {
      if (this.dueQueued) return;
      this.dueQueued = true;
      this.enqueue(() => {
        this.dueQueued = false;
        return this.flush('due');
      });
    }, TICK_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.enqueue(() => this.flush('all'));
    await this.chain;
  }

  seen(deviceId: string, at: Date): void {
    const t = at.getTime();
    if (!Number.isFinite(t)) return;
    let state = this.devices.get(deviceId);
    if (!state) {
      state = { pending: 0, written: 0, writtenAt: 0, confirmed: false };
      this.devices.set(deviceId, state);
    }
    if (t > state.pending && t > state.written) state.pending = t;
    // Not throttled: the device may be OFFLINE (or never seen), and ONLINE should not wait. Devices that appear together
    // (a restart, a batch of many devices) share one statement.
    if (!state.confirmed && state.pending && !this.urgentQueued) {
      this.urgentQueued = true;
      this.enqueue(() => {
        this.urgentQueued = false;
        return this.flush('urgent');
      });
    }
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(work).catch((error) => this.logger.warn({ err: error }, 'presence write failed'));
  }

  private async flush(mode: FlushMode): Promise<void> {
    const now = Date.now();
    const throttleMs = this.config.LAST_SEEN_WRITE_SECONDS * 1000;
    const ids: string[] = [];
    const times: number[] = [];
    const states: DeviceState[] = [];
    for (const [id, state] of this.devices) {
      if (!state.pending) {
        if (mode === 'due' && now - state.writtenAt > FORGET_AFTER_MS) this.devices.delete(id);
        continue;
      }
      const due = mode === 'all' || !state.confirmed || (mode === 'due' && now - state.writtenAt >= throttleMs);
      if (!due) continue;
      ids.push(id);
      times.push(state.pending);
      states.push(state);
    }
    if (ids.length === 0) return;
    try {
      const online = await markSeen(
        this.db,
        ids,
        times.map((t) => new Date(t)),
      );
      if (online > 0) this.outbox.kick();
    } catch (error) {
      this.logger.warn({ err: error, devices: ids.length }, 'lastSeen not written; retrying next tick');
      return;
    }
    states.forEach((state, i) => {
      state.confirmed = true;
      state.written = Math.max(state.written, times[i]);
      state.writtenAt = now;
      if (state.pending <= state.written) state.pending = 0;
    });
  }
}
