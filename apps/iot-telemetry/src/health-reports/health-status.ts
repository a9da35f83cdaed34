import type { DeviceHealthStatusName } from '@suite/contracts/iot-telemetry';

export interface HealthMetrics {
  cpuUsage?: number | null;
  memoryUsage?: number | null;
  diskUsage?: number | null;
  temperature?: number | null;
  batteryLevel?: number | null;
}

/**
 * The status of a report that did not state one, from limits any grower would agree with (kept deliberately simple):
 *   CRITICAL: battery < 10 %, or CPU / memory / disk > 97 %, or device temperature > 85 C
 *   WARNING:  battery < 20 %, or CPU / memory / disk > 90 %, or device temperature > 70 C
 *   HEALTHY otherwise (including a report with no metrics at all).
 */
export function deriveHealthStatus(m: HealthMetrics): DeviceHealthStatusName {
  const over = (limit: number) => [m.cpuUsage, m.memoryUsage, m.diskUsage].some((v) => v != null && v > limit);
  const battery = m.batteryLevel ?? Infinity;
  const temperature = m.temperature ?? -Infinity;
  if (battery < 10 || over(97) || temperature > 85) return 'CRITICAL';
  if (battery < 20 || over(90) || temperature > 70) return 'WARNING';
  return 'HEALTHY';
}
