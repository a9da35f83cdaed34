import { Injectable } from '@nestjs/common';
import { CreateSensorDto, MAX_SENSORS_PER_DEVICE, SensorView, UpdateSensorDto } from '@suite/contracts/iot-telemetry';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { CallerIdentity, conflict, InjectDb, invalid, isUniqueViolationOn } from '@suite/platform';
import { DeviceAccess } from '../devices/device-access';
import { toSensorView } from '../devices/device-view';
import { DeviceDirectory } from '../ingest/device-directory';
import { assertSensorRange, sensorCreateData, sensorNotFound } from './sensor-rules';

const nameTaken = () =>
  conflict('IOT.SENSOR_NAME_TAKEN', 'This device already has a sensor with this name.', {
    errors: [{ field: 'name', messages: ['name is used by another sensor of this device'] }],
  });
const duplicateName = (error: unknown): never => {
  if (isUniqueViolationOn(error, /device_id_name|deviceId.*name/)) throw nameTaken();
  throw error;
};

/** A device's sensors; every change reloads the device in the ingest caches (calibration, range, names). */
@Injectable()
export class SensorsService {
  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly access: DeviceAccess,
    private readonly directory: DeviceDirectory,
  ) {}

  async list(caller: CallerIdentity, deviceId: string): Promise<SensorView[]> {
    await this.access.find(deviceId, caller);
    const rows = await this.db.sensor.findMany({ where: { deviceId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toSensorView);
  }

  async create(caller: CallerIdentity, deviceId: string, dto: CreateSensorDto): Promise<SensorView> {
    const device = await this.access.find(deviceId, caller);
    assertSensorRange(dto.minValue, dto.maxValue);
    if ((await this.db.sensor.count({ where: { deviceId } })) >= MAX_SENSORS_PER_DEVICE) {
      throw invalid('IOT.TOO_MANY_SENSORS', `A device has at most ${MAX_SENSORS_PER_DEVICE} sensors.`, {
        errors: [{ field: 'name', messages: [`the device already has ${MAX_SENSORS_PER_DEVICE} sensors`] }],
      });
    }
    const row = await this.db.sensor
      .create({ data: { ...sensorCreateData(dto), device: { connect: { id: deviceId } } } })
      .catch(duplicateName);
    await this.directory.forget(device);
    return toSensorView(row);
  }

  async update(caller: CallerIdentity, deviceId: string, sensorId: string, dto: UpdateSensorDto): Promise<SensorView> {
    const device = await this.access.find(deviceId, caller);
    const before = await this.db.sensor.findFirst({ where: { id: sensorId, deviceId } });
    if (!before) throw sensorNotFound(sensorId);
    assertSensorRange(dto.minValue ?? before.minValue, dto.maxValue ?? before.maxValue);
    const { calibration, ...rest } = dto;
    const row = await this.db.sensor
      .update({ where: { id: sensorId }, data: { ...rest, ...(calibration ? { calibration: { ...calibration } } : {}) } })
      .catch(duplicateName);
    await this.directory.forget(device);
    return toSensorView(row);
  }

  /** Its readings go too, in the same transaction (sensor_data has no foreign key); its thresholds cascade. */
  async remove(caller: CallerIdentity, deviceId: string, sensorId: string): Promise<void> {
    const device = await this.access.find(deviceId, caller);
    const sensor = await this.db.sensor.findFirst({ where: { id: sensorId, deviceId }, select: { id: true } });
    if (!sensor) throw sensorNotFound(sensorId);
    await this.db.$transaction(async (tx) => {
      await tx.$executeRaw`DELETE FROM sensor_data WHERE sensor_id = ${sensorId}::uuid`;
      await tx.sensor.delete({ where: { id: sensorId } });
    });
    await this.directory.forget(device);
  }
}
