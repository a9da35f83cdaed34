import type { CommandView } from '@suite/contracts/iot-telemetry';
import type { Prisma } from '@suite/db/iot-telemetry';

export function toCommandView(c: Prisma.DeviceCommandModel): CommandView {
  return {
    id: c.id,
    deviceId: c.deviceId,
    command: c.command,
    parameters: (c.parameters as Record<string, unknown> | null) ?? null,
    status: c.status,
    response: c.response ?? null,
    requestedBy: c.requestedBy,
    transport: c.transport,
    timeoutSeconds: c.timeoutSeconds,
    sentAt: c.sentAt.toISOString(),
    acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
  };
}
