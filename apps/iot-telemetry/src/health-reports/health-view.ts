import type { DeviceHealthView } from '@suite/contracts/iot-telemetry';
import type { Prisma } from '@suite/db/iot-telemetry';

export function toHealthView(h: Prisma.DeviceHealthModel): DeviceHealthView {
  return {
    id: h.id,
    deviceId: h.deviceId,
    timestamp: h.timestamp.toISOString(),
    status: h.status,
    cpuUsage: h.cpuUsage,
    memoryUsage: h.memoryUsage,
    diskUsage: h.diskUsage,
    temperature: h.temperature,
    batteryLevel: h.batteryLevel,
    networkLatency: h.networkLatency,
    uptime: h.uptime,
    errorCount: h.errorCount,
    metadata: h.metadata,
    createdAt: h.createdAt.toISOString(),
  };
}
