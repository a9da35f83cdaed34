import { Injectable } from '@nestjs/common';
import { Prisma } from '@suite/db/iot-telemetry';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { CallerIdentity, InjectDb, notFound } from '@suite/platform';
import { isStaff } from '../access';

/**
 * Who sees which devices: a grower their own (Device.userId), admins all. Everything hanging off a device (sensors,
 * readings, commands, health, thresholds, alerts) is reached through find(), so another grower's gets 404, never 403.
 */
@Injectable()
export class DeviceAccess {
  constructor(@InjectDb() private readonly db: IotTelemetryDb) {}

  /** A `where` fragment for device lists. */
  scope(caller: CallerIdentity): Prisma.DeviceWhereInput {
    if (isStaff(caller)) return {};
    return caller.userId ? { userId: caller.userId } : { id: { in: [] } };
  }

  /** Device ids the caller may see, for lists of things that hang off devices (alerts); undefined means all. */
  async visibleDeviceIds(caller: CallerIdentity): Promise<string[] | undefined> {
    if (isStaff(caller)) return undefined;
    const rows = await this.db.device.findMany({ where: this.scope(caller), select: { id: true } });
    return rows.map((r) => r.id);
  }

  async find(deviceId: string, caller: CallerIdentity) {
    const device = await this.db.device.findFirst({ where: { AND: [{ id: deviceId }, this.scope(caller)] } });
    if (!device) throw notFound('IOT.DEVICE_NOT_FOUND', 'No such device.', { deviceId });
    return device;
  }
}
