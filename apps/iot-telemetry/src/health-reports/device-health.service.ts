import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DeviceHealthView, HealthListQuery, RecordHealthDto } from '@suite/contracts/iot-telemetry';
import { Prisma } from '@suite/db/iot-telemetry';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { CallerIdentity, InjectDb, Page, pageLimit, readTimeCursor, timeKeyOf, toPage } from '@suite/platform';
import { DeviceAccess } from '../devices/device-access';
import { deriveHealthStatus } from './health-status';
import { toHealthView } from './health-view';
import { ParsedHealth } from './parse-health';

/** A stable id per stream message: a redelivered health report inserts nothing the second time. */
export const healthIdFor = (key: string): string => {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

@Injectable()
export class DeviceHealthService {
  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly access: DeviceAccess,
  ) {}

  /** POST /devices/:id/health: an operator's or an app's record; does not count as the device being seen. */
  async record(caller: CallerIdentity, deviceId: string, dto: RecordHealthDto): Promise<DeviceHealthView> {
    await this.access.find(deviceId, caller);
    const { timestamp, metadata, status, ...metrics } = dto;
    const row = await this.db.deviceHealth.create({
      data: {
        deviceId,
        ...metrics,
        status: status ?? deriveHealthStatus(metrics),
        errorCount: metrics.errorCount ?? 0,
        metadata: (metadata as Prisma.InputJsonValue | undefined) ?? Prisma.DbNull,
        ...(timestamp ? { timestamp: new Date(timestamp) } : {}),
      },
    });
    return toHealthView(row);
  }

  /** A report from the device itself (the JetStream consumer), idempotent by `key`. */
  async storeReport(deviceId: string, report: ParsedHealth, key: string): Promise<void> {
    const m = report.metrics;
    if (!m) return;
    const { metadata, status, ...metrics } = m;
    await this.db.deviceHealth.createMany({
      data: [
        {
          id: healthIdFor(key),
          deviceId,
          timestamp: report.at,
          ...metrics,
          status: status ?? deriveHealthStatus(metrics),
          errorCount: metrics.errorCount ?? 0,
          metadata: (metadata as Prisma.InputJsonValue | undefined) ?? Prisma.DbNull,
        },
      ],
      skipDuplicates: true,
    });
  }

  async list(caller: CallerIdentity, deviceId: string, query: HealthListQuery): Promise<Page<DeviceHealthView>> {
    await this.access.find(deviceId, caller);
    const limit = pageLimit(query);
    const after = readTimeCursor(query.cursor);
    const where: Prisma.DeviceHealthWhereInput = {
      AND: [
        { deviceId },
        query.status ? { status: query.status } : {},
        query.from ? { timestamp: { gte: new Date(query.from) } } : {},
        query.to ? { timestamp: { lt: new Date(query.to) } } : {},
        after ? { OR: [{ timestamp: { lt: after.at } }, { timestamp: after.at, id: { lt: after.id } }] } : {},
      ],
    };
    const rows = await this.db.deviceHealth.findMany({ where, orderBy: [{ timestamp: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toHealthView), limit, (h) => timeKeyOf(h.timestamp, h.id));
  }
}
