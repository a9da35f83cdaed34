/** IoT: the grower's chambers, their five sensors each and the thresholds the demo's alerts hang on. */
import { CHAMBER_SENSORS } from '../../simulate/chamber';
import { Api, itemsOf } from './http';
import type { People } from './identity';
import { CHAMBERS } from './world';

const THRESHOLDS: Record<
  string,
  { name: string; operator: string; value: number; hysteresis: number; severity: string; durationSeconds: number }
> = {
  temperature: { name: 'Overheating', operator: 'ABOVE', value: 28, hysteresis: 1, severity: 'WARNING', durationSeconds: 60 },
  humidity: { name: 'Too dry for fruiting', operator: 'BELOW', value: 80, hysteresis: 2, severity: 'WARNING', durationSeconds: 120 },
  co2: { name: 'CO2 building up', operator: 'ABOVE', value: 1500, hysteresis: 100, severity: 'CRITICAL', durationSeconds: 60 },
};

/** Serial -> device id. */
export type Devices = Record<string, string>;

export async function seedChambers(api: Api, people: People): Promise<Devices> {
  const token = people.grower.token;
  const existing = await api.list('/devices?type=MUSHROOM_CHAMBER', token);
  const devices: Devices = {};
  for (const chamber of CHAMBERS) {
    // A new device's credential is shown once; the demo does not need it (the simulator rotates its own).
    const device =
      existing.find((d) => d.serialNumber === chamber.serial) ??
      (await api.call('POST', '/devices', {
        token,
        body: {
          name: chamber.name,
          type: 'MUSHROOM_CHAMBER',
          serialNumber: chamber.serial,
          location: chamber.location,
          firmware: 'demo-1.0.0',
          heartbeatTimeoutSeconds: 300,
          sensors: CHAMBER_SENSORS.map((s) => ({ ...s })),
        },
      }));
    devices[chamber.serial] = device.id;
    const sensors = itemsOf(await api.call('GET', `/devices/${device.id}/sensors`, { token }));
    for (const sensor of sensors) {
      const threshold = THRESHOLDS[sensor.name];
      if (!threshold) continue;
      const set = itemsOf(await api.call('GET', `/sensors/${sensor.id}/thresholds`, { token }));
      if (!set.some((t) => t.name === threshold.name))
        await api.call('POST', `/sensors/${sensor.id}/thresholds`, { token, body: threshold });
    }
  }
  return devices;
}
