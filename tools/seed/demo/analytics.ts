/** Analytics: a report of the week's orders, run every Monday morning and mailed to the admin. */
import { Api } from './http';
import type { People } from './identity';
import { REPORT } from './world';

export async function seedReport(api: Api, people: People): Promise<string> {
  const token = people.admin.token;
  const existing = (await api.list('/reports?type=ORDERS', token)).find((r) => r.name === REPORT);
  if (existing) return existing.id;
  const created = await api.call('POST', '/reports', {
    token,
    body: {
      name: REPORT,
      description: 'Every order placed, by store, for the Monday review',
      type: 'ORDERS',
      format: 'CSV',
      configuration: {
        filters: { eventTypes: ['evt.orders.order.placed'] },
        columns: ['orderCode', 'storeId', 'total'],
        sort: [{ column: 'orderCode', direction: 'asc' }],
      },
      schedule: { cron: '0 7 * * 1', timezone: 'Asia/Manila' },
      recipients: [people.admin.email],
    },
  });
  return created.id;
}
