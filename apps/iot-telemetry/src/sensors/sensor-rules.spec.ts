import { AppError } from '@suite/platform';
import { toDeviceView } from '../devices/device-view';
import { assertSensorRange, sensorCreateData } from './sensor-rules';

describe('sensor rules', () => {
  it('accepts open and ordered ranges, refuses min > max naming the given field', () => {
    expect(() => assertSensorRange(undefined, 5)).not.toThrow();
    expect(() => assertSensorRange(5, 5)).not.toThrow();
    expect(() => assertSensorRange(null, null)).not.toThrow();
    try {
      assertSensorRange(6, 5, 'sensors[2].maxValue');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details?.errors).toEqual([{ field: 'sensors[2].maxValue', messages: [expect.any(String)] }]);
    }
  });

  it('stores a sensor active with open bounds unless told otherwise', () => {
    expect(sensorCreateData({ type: 't', name: 'n', unit: 'u', calibration: { offset: 0.5 } })).toMatchObject({
      minValue: null,
      maxValue: null,
      isActive: true,
      calibration: { offset: 0.5 },
    });
  });

  it('never shows the credential hash of a device', () => {
    const now = new Date();
    const view = toDeviceView({
      id: 'd',
      name: 'n',
      type: 'CAMERA',
      serialNumber: 's',
      status: 'OFFLINE',
      userId: null,
      location: null,
      description: null,
      firmware: null,
      ipAddress: null,
      macAddress: null,
      lastSeen: null,
      isActive: true,
      heartbeatTimeoutSeconds: 120,
      credentialHash: 'secret-hash',
      credentialPrefix: 'abc',
      createdAt: now,
      updatedAt: now,
    });
    expect(JSON.stringify(view)).not.toContain('secret-hash');
    expect(view.credentialPrefix).toBe('abc');
  });
});
