import { Injectable } from '@nestjs/common';
import { SensorAlertListQuery, SensorAlertView } from '@suite/contracts/iot-telemetry';
import type { IotTelemetryDb, Prisma } from '@suite/db/iot-telemetry';
import { CallerIdentity, InjectDb, newestFirstAfter, Page, pageLimit, timeKeyOf, toPage } from '@suite/platform';
import { DeviceAccess } from '../devices/device-access';

export function toSensorAlertView(a: Prisma.SensorAlertModel): SensorAlertView {
  return {
    id: a.id,
    deviceId: a.deviceId,
    sensorId: a.sensorId,
    thresholdId: a.thresholdId,
    type: a.type,
    severity: a.severity,
    title: a.title,
    message: a.message,
    threshold: a.threshold ?? null,
    value: a.value,
    triggeredAt: a.triggeredAt?.toISOString() ?? null,
    isActive: a.isActive,
    isResolved: a.isResolved,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Alerts of the devices the caller sees (a grower's own, every device for admins), newest first. */
@Injectable()
export class SensorAlertsService {
  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly access: DeviceAccess,
  ) {}

  async list(caller: CallerIdentity, query: SensorAlertListQuery): Promise<Page<SensorAlertView>> {
    const limit = pageLimit(query);
    const visible = await this.access.visibleDeviceIds(caller);
    const where: Prisma.SensorAlertWhereInput = {
      AND: [
        visible ? { deviceId: { in: visible } } : {},
        query.deviceId ? { deviceId: query.deviceId } : {},
        query.sensorId ? { sensorId: query.sensorId } : {},
        query.isResolved !== undefined ? { isResolved: query.isResolved } : {},
        query.severity ? { severity: query.severity } : {},
        query.from ? { createdAt: { gte: new Date(query.from) } } : {},
        query.to ? { createdAt: { lt: new Date(query.to) } } : {},
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    const rows = await this.db.sensorAlert.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toSensorAlertView), limit, (a) => timeKeyOf(a.createdAt, a.id));
  }
}
