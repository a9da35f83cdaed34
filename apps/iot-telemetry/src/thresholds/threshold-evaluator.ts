import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { InjectDb, OutboxRelay } from '@suite/platform';
import { DeviceDirectory } from '../ingest/device-directory';
import { ReadingRow } from '../ingest/parse-telemetry';
import { AlertRecorder, RuleContext } from './alert-recorder';
import { step, ThresholdState } from './threshold-rule';

type DeviceRules = Map<string, (ThresholdState & RuleContext)[]>;

/**
 * Evaluates thresholds as readings arrive (called by the telemetry consumer for each accepted message, alongside the
 * batch write rather than after it, as a rule engine does), not by polling the table: an alert does not wait for the
 * batch window or the insert. Rules and their state are cached per device and reloaded from the database after any
 * change (DeviceDirectory.forget) or any failed write, so the database stays the truth. Work for one device is chained:
 * its transitions are written in reading order.
 *
 * A message is acked only after its batch is stored, so a crash can deliver readings again: readings at or before the
 * last transition the database recorded for a threshold are ignored after a reload, and a breach that was raised and
 * cleared is not raised a second time.
 */
@Injectable()
export class ThresholdEvaluator implements OnModuleInit {
  private readonly logger = new Logger('ThresholdEvaluator');
  private readonly rules = new Map<string, Promise<DeviceRules>>();
  /** Devices whose loaded rules are none: most readings, skipped without a promise each. */
  private readonly unwatched = new Set<string>();
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly directory: DeviceDirectory,
    private readonly recorder: AlertRecorder,
    private readonly outbox: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.directory.onChange((deviceId) => {
      if (deviceId) {
        this.rules.delete(deviceId);
        this.unwatched.delete(deviceId);
      } else {
        this.rules.clear();
        this.unwatched.clear();
      }
    });
  }

  /** One device's readings (one message), in the order messages arrive. */
  evaluate(deviceId: string, readings: ReadingRow[]): void {
    if (this.unwatched.has(deviceId)) return;
    const previous = this.chains.get(deviceId) ?? Promise.resolve();
    const next = previous.then(() => this.evaluateDevice(deviceId, readings));
    this.chains.set(deviceId, next);
    void next.finally(() => {
      if (this.chains.get(deviceId) === next) this.chains.delete(deviceId);
    });
  }

  /** Resolves when every evaluation queued so far has been written (shutdown). */
  async settled(): Promise<void> {
    await Promise.all(this.chains.values());
  }

  private async evaluateDevice(deviceId: string, readings: ReadingRow[]): Promise<void> {
    try {
      const loaded = this.load(deviceId);
      const rules = await loaded;
      if (rules.size === 0) {
        // Unless a change arrived meanwhile (it replaced or dropped the cached promise): then the next message reloads.
        if (this.rules.get(deviceId) === loaded) this.unwatched.add(deviceId);
        return;
      }
      // A copy: the same rows are waiting in the batch pipeline.
      const ordered = [...readings].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
      let events = false;
      for (const reading of ordered) {
        for (const rule of rules.get(reading.sensorId) ?? []) {
          const transition = step(rule, reading.value, reading.timestamp.getTime());
          if (!transition) continue;
          if (transition.kind === 'breach-started') await this.recorder.breachStarted(rule, transition.at);
          else if (transition.kind === 'breach-ended') await this.recorder.breachEnded(rule);
          else if (await (transition.kind === 'raised' ? this.recorder.raise(rule, transition) : this.recorder.clear(rule, transition)))
            events = true;
          else this.rules.delete(deviceId); // another replica got there first: take the database's state next message
        }
      }
      if (events) this.outbox.kick();
    } catch (error) {
      // The cached state may now differ from the database: forget it and reload on the next message.
      this.rules.delete(deviceId);
      this.logger.warn({ err: error, deviceId }, 'threshold evaluation failed; state reloaded from the database next time');
    }
  }

  private load(deviceId: string): Promise<DeviceRules> {
    let rules = this.rules.get(deviceId);
    if (!rules) {
      rules = this.fetch(deviceId);
      this.rules.set(deviceId, rules);
      rules.catch(() => this.rules.delete(deviceId));
    }
    return rules;
  }

  private async fetch(deviceId: string): Promise<DeviceRules> {
    const rows = await this.db.sensorThreshold.findMany({
      where: { deviceId, isActive: true, sensor: { isActive: true } },
      include: {
        sensor: { select: { name: true, unit: true, type: true } },
        device: { select: { name: true, userId: true, serialNumber: true } },
        alerts: { select: { triggeredAt: true, resolvedAt: true }, orderBy: { triggeredAt: 'desc' }, take: 1 },
      },
    });
    const rules: DeviceRules = new Map();
    for (const t of rows) {
      const state = {
        id: t.id,
        deviceId: t.deviceId,
        sensorId: t.sensorId,
        operator: t.operator,
        value: t.value,
        durationSeconds: t.durationSeconds,
        hysteresis: t.hysteresis,
        severity: t.severity,
        name: t.name,
        breachStartedAt: t.breachStartedAt?.getTime() ?? null,
        activeAlertId: t.activeAlertId,
        lastTs: lastTransitionAt(t.breachStartedAt, t.alerts[0]),
        sensorName: t.sensor.name,
        sensorType: t.sensor.type,
        unit: t.sensor.unit,
        deviceName: t.device.name,
        serialNumber: t.device.serialNumber,
        ownerId: t.device.userId,
      };
      const list = rules.get(t.sensorId);
      if (list) list.push(state);
      else rules.set(t.sensorId, [state]);
    }
    return rules;
  }
}

/** Reading time of the last transition the database holds for a threshold (0: none): older readings change nothing. */
function lastTransitionAt(breachStartedAt: Date | null, latest?: { triggeredAt: Date | null; resolvedAt: Date | null }): number {
  return Math.max(breachStartedAt?.getTime() ?? 0, latest?.triggeredAt?.getTime() ?? 0, latest?.resolvedAt?.getTime() ?? 0);
}
