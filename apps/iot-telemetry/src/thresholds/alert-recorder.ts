import { Injectable } from '@nestjs/common';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { IotTelemetryEvents } from '@suite/contracts/iot-telemetry';
import { enqueueEvent, InjectDb } from '@suite/platform';
import { ThresholdState, Transition } from './threshold-rule';

/** What an alert's words need beyond the rule itself. */
export interface RuleContext {
  sensorName: string;
  sensorType: string;
  unit: string;
  deviceName: string;
  serialNumber: string;
  ownerId: string | null;
}

type Rule = ThresholdState & RuleContext;

/**
 * Writes threshold transitions. Every write is conditional on the state the rule is leaving (active_alert_id IS NULL to
 * raise, = the alert to clear), so two replicas evaluating the same sensor cannot raise two alerts for one breach.
 * Raising and clearing put their event in the outbox in the same transaction (alerting consumes them).
 */
@Injectable()
export class AlertRecorder {
  constructor(@InjectDb() private readonly db: IotTelemetryDb) {}

  async breachStarted(rule: Rule, at: number): Promise<void> {
    await this.db
      .$executeRaw`UPDATE sensor_thresholds SET breach_started_at = ${new Date(at)}, updated_at = now() WHERE id = ${rule.id}::uuid AND active_alert_id IS NULL AND breach_started_at IS NULL`;
  }

  async breachEnded(rule: Rule): Promise<void> {
    await this.db
      .$executeRaw`UPDATE sensor_thresholds SET breach_started_at = NULL, updated_at = now() WHERE id = ${rule.id}::uuid AND active_alert_id IS NULL`;
  }

  /** raise() and clear() answer false when the database had already moved on (another replica): the caller reloads. */
  async raise(rule: Rule, t: Extract<Transition, { kind: 'raised' }>): Promise<boolean> {
    const word = rule.operator === 'ABOVE' ? 'above' : 'below';
    const held = rule.durationSeconds > 0 ? ` for ${formatDuration(rule.durationSeconds)}` : '';
    const title = `${rule.name ?? rule.sensorName} ${word} ${rule.value} ${rule.unit}`;
    const message = `${rule.sensorName} (${rule.sensorType}) on ${rule.deviceName} has been ${word} ${rule.value} ${rule.unit}${held}: ${t.value} ${rule.unit} at ${new Date(t.at).toISOString()}.`;
    const threshold = {
      id: rule.id,
      operator: rule.operator,
      value: rule.value,
      durationSeconds: rule.durationSeconds,
      hysteresis: rule.hysteresis,
    };
    return this.db.$transaction(async (tx) => {
      const claimed =
        await tx.$executeRaw`UPDATE sensor_thresholds SET active_alert_id = ${t.alertId}::uuid, breach_started_at = ${new Date(t.breachStartedAt)}, updated_at = now() WHERE id = ${rule.id}::uuid AND active_alert_id IS NULL`;
      if (claimed === 0) return false;
      await tx.sensorAlert.create({
        data: {
          id: t.alertId,
          deviceId: rule.deviceId,
          sensorId: rule.sensorId,
          thresholdId: rule.id,
          type: `THRESHOLD_${rule.operator}`,
          severity: rule.severity,
          title,
          message,
          threshold,
          value: t.value,
          triggeredAt: new Date(t.at),
        },
      });
      await enqueueEvent(tx, IotTelemetryEvents.ThresholdBreached, {
        alertId: t.alertId,
        thresholdId: rule.id,
        deviceId: rule.deviceId,
        serialNumber: rule.serialNumber,
        sensorId: rule.sensorId,
        userId: rule.ownerId,
        severity: rule.severity,
        title,
        message,
        value: t.value,
        unit: rule.unit,
        threshold,
        breachStartedAt: new Date(t.breachStartedAt).toISOString(),
        triggeredAt: new Date(t.at).toISOString(),
      });
      return true;
    });
  }

  async clear(rule: Rule, t: Extract<Transition, { kind: 'cleared' }>): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const released =
        await tx.$executeRaw`UPDATE sensor_thresholds SET active_alert_id = NULL, breach_started_at = NULL, updated_at = now() WHERE id = ${rule.id}::uuid AND active_alert_id = ${t.alertId}::uuid`;
      if (released === 0) return false;
      await tx.sensorAlert.update({ where: { id: t.alertId }, data: { isResolved: true, isActive: false, resolvedAt: new Date(t.at) } });
      await enqueueEvent(tx, IotTelemetryEvents.ThresholdCleared, {
        alertId: t.alertId,
        thresholdId: rule.id,
        deviceId: rule.deviceId,
        serialNumber: rule.serialNumber,
        sensorId: rule.sensorId,
        userId: rule.ownerId,
        value: t.value,
        unit: rule.unit,
        resolvedAt: new Date(t.at).toISOString(),
      });
      return true;
    });
  }
}

function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
