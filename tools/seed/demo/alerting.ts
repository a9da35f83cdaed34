/** Alerting: the grower's own rule for their hottest chamber and the admin's rule for shipment trouble. */
import { Api } from './http';
import type { People } from './identity';
import type { Devices } from './iot';
import { CHAMBERS, RULES } from './world';

export async function seedAlertRules(api: Api, people: People, devices: Devices): Promise<string[]> {
  const wanted = [
    {
      token: people.grower.token,
      body: {
        name: RULES.grower,
        category: 'SENSOR',
        priority: 'CRITICAL',
        eventType: 'evt.iot-telemetry.threshold.breached',
        condition: { field: 'value', op: 'gte', value: 30 },
        deviceId: devices[CHAMBERS[0].serial],
        cooldownMinutes: 10,
        recipients: [{ type: 'OWNER', channels: ['IN_APP', 'EMAIL'] }],
      },
    },
    {
      token: people.admin.token,
      body: {
        name: RULES.admin,
        category: 'ORDER',
        priority: 'HIGH',
        eventType: 'evt.logistics.shipment-exception.raised',
        condition: { field: 'type', op: 'in', value: ['LOST', 'DAMAGE'] },
        cooldownMinutes: 30,
        recipients: [{ type: 'ROLE', value: 'SUPPORT', channels: ['EMAIL', 'IN_APP'] }],
      },
    },
  ];
  const ids: string[] = [];
  for (const { token, body } of wanted) {
    const existing = (await api.list('/alert-rules', token)).find((r) => r.name === body.name);
    ids.push((existing ?? (await api.call('POST', '/alert-rules', { token, body }))).id);
  }
  return ids;
}
