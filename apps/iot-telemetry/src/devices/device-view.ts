import type { DeviceView, SensorView } from '@suite/contracts/iot-telemetry';
import type { Prisma } from '@suite/db/iot-telemetry';

/** Never the credential hash: only its prefix, to tell credentials apart. */
export function toDeviceView(d: Prisma.DeviceModel): DeviceView {
  return {
    id: d.id,
    name: d.name,
    type: d.type,
    serialNumber: d.serialNumber,
    status: d.status,
    userId: d.userId,
    location: d.location,
    description: d.description,
    firmware: d.firmware,
    ipAddress: d.ipAddress,
    macAddress: d.macAddress,
    lastSeen: d.lastSeen?.toISOString() ?? null,
    isActive: d.isActive,
    heartbeatTimeoutSeconds: d.heartbeatTimeoutSeconds,
    credentialPrefix: d.credentialPrefix,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toSensorView(s: Prisma.SensorModel): SensorView {
  return {
    id: s.id,
    deviceId: s.deviceId,
    type: s.type,
    name: s.name,
    unit: s.unit,
    minValue: s.minValue,
    maxValue: s.maxValue,
    calibration: (s.calibration ?? null) as SensorView['calibration'],
    isActive: s.isActive,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
