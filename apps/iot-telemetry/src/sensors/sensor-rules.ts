import type { CreateSensorDto } from '@suite/contracts/iot-telemetry';
import { Prisma } from '@suite/db/iot-telemetry';
import { invalid, notFound } from '@suite/platform';

/** A valid range is min <= max; either bound may be open. */
export function assertSensorRange(min: number | null | undefined, max: number | null | undefined, field = 'maxValue'): void {
  if (min != null && max != null && min > max) {
    throw invalid('IOT.INVALID_RANGE', 'maxValue must not be below minValue.', {
      errors: [{ field, messages: ['maxValue must be greater than or equal to minValue'] }],
    });
  }
}

export function sensorCreateData(s: CreateSensorDto): Omit<Prisma.SensorCreateWithoutDeviceInput, 'id'> {
  return {
    type: s.type,
    name: s.name,
    unit: s.unit,
    minValue: s.minValue ?? null,
    maxValue: s.maxValue ?? null,
    calibration: s.calibration ? { ...s.calibration } : Prisma.DbNull,
    isActive: s.isActive ?? true,
  };
}

/** Unknown, or on a device the caller cannot see: the same answer either way. */
export const sensorNotFound = (sensorId: string) => notFound('IOT.SENSOR_NOT_FOUND', 'No such sensor.', { sensorId });
