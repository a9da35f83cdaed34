import { Injectable } from '@nestjs/common';
import {
  CreateDeviceDto,
  DeviceCredentialView,
  DeviceListQuery,
  DeviceView,
  DeviceWithSensorsView,
  RegisteredDeviceView,
  UpdateDeviceDto,
} from '@suite/contracts/iot-telemetry';
import { Prisma } from '@suite/db/iot-telemetry';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import {
  CallerIdentity,
  conflict,
  InjectDb,
  invalid,
  isUniqueViolationOn,
  newestFirstAfter,
  Page,
  pageLimit,
  timeKeyOf,
  toPage,
} from '@suite/platform';
import { requireSignedIn } from '../access';
import { DeviceDirectory } from '../ingest/device-directory';
import { assertSensorRange, sensorCreateData } from '../sensors/sensor-rules';
import { newDeviceCredential } from './credential';
import { DeviceAccess } from './device-access';
import { toDeviceView, toSensorView } from './device-view';

const serialTaken = () =>
  conflict('IOT.SERIAL_TAKEN', 'A device with this serial number is already registered.', {
    errors: [{ field: 'serialNumber', messages: ['serialNumber is already registered'] }],
  });

/** Registration, listing, changes and removal of devices; who sees what is DeviceAccess's. */
@Injectable()
export class DevicesService {
  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly access: DeviceAccess,
    private readonly directory: DeviceDirectory,
  ) {}

  /** The credential is returned this once; only its sha256 is stored. Device and sensors are one statement, so one transaction. */
  async create(caller: CallerIdentity, dto: CreateDeviceDto): Promise<RegisteredDeviceView> {
    const userId = requireSignedIn(caller);
    const { sensors = [], ...device } = dto;
    sensors.forEach((s, i) => assertSensorRange(s.minValue, s.maxValue, `sensors[${i}].maxValue`));
    const names = sensors.map((s) => s.name);
    const repeated = names.findIndex((n, i) => names.indexOf(n) !== i);
    if (repeated >= 0)
      throw invalid('IOT.SENSOR_NAME_REPEATED', 'Sensor names must be unique on a device.', {
        errors: [{ field: `sensors[${repeated}].name`, messages: ['name is used by another sensor of this device'] }],
      });
    const { credential, hash, prefix } = newDeviceCredential();
    const row = await this.db.device
      .create({
        data: { ...device, userId, credentialHash: hash, credentialPrefix: prefix, sensors: { create: sensors.map(sensorCreateData) } },
        include: { sensors: { orderBy: { createdAt: 'asc' } } },
      })
      .catch((error: unknown) => {
        if (isUniqueViolationOn(error, /serial_number|serialNumber/)) throw serialTaken();
        throw error;
      });
    // A reading from this serial before registration may have cached "unknown device".
    await this.directory.forget(row);
    return { ...toDeviceView(row), sensors: row.sensors.map(toSensorView), credential };
  }

  async list(caller: CallerIdentity, query: DeviceListQuery): Promise<Page<DeviceView>> {
    const limit = pageLimit(query);
    const where: Prisma.DeviceWhereInput = {
      AND: [
        this.access.scope(caller),
        query.status ? { status: query.status } : {},
        query.type ? { type: query.type } : {},
        query.isActive !== undefined ? { isActive: query.isActive } : {},
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    const rows = await this.db.device.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toDeviceView), limit, (d) => timeKeyOf(d.createdAt, d.id));
  }

  async get(caller: CallerIdentity, deviceId: string): Promise<DeviceWithSensorsView> {
    const device = await this.access.find(deviceId, caller);
    const sensors = await this.db.sensor.findMany({ where: { deviceId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return { ...toDeviceView(device), sensors: sensors.map(toSensorView) };
  }

  async update(caller: CallerIdentity, deviceId: string, dto: UpdateDeviceDto): Promise<DeviceWithSensorsView> {
    const device = await this.access.find(deviceId, caller);
    await this.db.device.update({ where: { id: deviceId }, data: dto });
    await this.directory.forget(device);
    return this.get(caller, deviceId);
  }

  /**
   * Hard delete. sensor_data has no foreign keys (they cost insert throughput), so its rows go explicitly, in the same
   * transaction, by sensor id: the (sensor_id, timestamp) index serves it, device_id has no index on purpose.
   */
  async remove(caller: CallerIdentity, deviceId: string): Promise<void> {
    const device = await this.access.find(deviceId, caller);
    const sensorIds = (await this.db.sensor.findMany({ where: { deviceId }, select: { id: true } })).map((s) => s.id);
    await this.db.$transaction(async (tx) => {
      if (sensorIds.length) await tx.$executeRaw`DELETE FROM sensor_data WHERE sensor_id = ANY(${sensorIds}::uuid[])`;
      await tx.$executeRaw`DELETE FROM sensor_data WHERE sensor_id IS NULL AND device_id = ${deviceId}::uuid`;
      await tx.device.delete({ where: { id: deviceId } });
    });
    await this.directory.forget(device);
  }

  /** A new credential; the old one stops working at once on every replica (forget broadcasts). */
  async rotateCredential(caller: CallerIdentity, deviceId: string): Promise<DeviceCredentialView> {
    const device = await this.access.find(deviceId, caller);
    const { credential, hash, prefix } = newDeviceCredential();
    await this.db.device.update({ where: { id: deviceId }, data: { credentialHash: hash, credentialPrefix: prefix } });
    await this.directory.forget(device);
    return { credential, credentialPrefix: prefix };
  }
}
