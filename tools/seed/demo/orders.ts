/**
 * Orders at every stage, through the real flows: the seller imports the marketplace orders, fulfillment routes
 * them (an event), the factory's fulfiller (or the admin, for the factory without one) produces and ships them,
 * the shipment's delivery is reported on the operator route, and one delivered order comes back as a return.
 * Each step first reads where the order already is, so a second run finds every order at its stage and does nothing.
 */
import { Api, until } from './http';
import type { People } from './identity';
import type { Catalog } from './catalog';
import type { Factories } from './fulfillment';
import { DEMO_ORDERS, DemoOrder, importPayload, reached, Stage } from './order-payloads';
import { FACTORIES } from './world';

const FULFILLMENT_RANK: Record<string, number> = { PENDING: 0, IN_PRODUCTION: 1, SHIPPED: 2, DELIVERED: 3 };
const RETURN_STEPS = ['APPROVED', 'SHIPPED', 'RECEIVED', 'PROCESSING', 'COMPLETED'];

export interface SeededOrder {
  id: string;
  stage: Stage | 'PLACED';
  orderCode: string;
}

export async function seedMarketplaceOrders(api: Api, people: People, catalog: Catalog, factories: Factories): Promise<SeededOrder[]> {
  const seeded: SeededOrder[] = [];
  for (const spec of DEMO_ORDERS) {
    const order = await api.call('POST', `/orders/import/${catalog.stores[spec.store]}`, {
      token: people.seller.token,
      body: importPayload(spec, catalog),
      idempotent: true, // on the platform's order id
    });
    await drive(api, people, factories, spec, order.id);
    seeded.push({ id: order.id, stage: spec.stage, orderCode: order.orderCode });
  }
  return seeded;
}

async function drive(api: Api, people: People, factories: Factories, spec: DemoOrder, orderId: string): Promise<void> {
  const admin = people.admin.token;
  const [fulfillment] = await until(
    `order ${spec.platformOrderId} to be routed`,
    () => api.list(`/fulfillments?orderId=${orderId}`, admin),
    (items) => items.length > 0,
  );
  // The fulfiller works at Portland Print; the Manila factory's work is moved by the admin.
  const operator = fulfillment.factoryId === factories[FACTORIES[0].code] ? people.fulfiller.token : admin;
  const move = async (status: string, extra: Record<string, unknown> = {}) => {
    if (FULFILLMENT_RANK[fulfillment.status] >= FULFILLMENT_RANK[status]) return;
    await api.call('POST', `/fulfillments/${fulfillment.id}/status`, { token: operator, body: { status, ...extra } });
  };
  if (reached(spec.stage, 'IN_PRODUCTION')) await move('IN_PRODUCTION');
  if (!reached(spec.stage, 'SHIPPED')) return;
  await move('SHIPPED', { carrier: 'usps', trackingNumber: `DEMO${spec.platformOrderId}` });
  const [shipment] = await until(
    `a shipment for order ${spec.platformOrderId}`,
    () => api.list(`/shipments?orderId=${orderId}`, admin),
    (items) => items.length > 0,
  );
  await until(
    `order ${spec.platformOrderId} to be SHIPPED`,
    () => api.call('GET', `/orders/${orderId}`, { token: admin }),
    (o) => ['SHIPPED', 'DELIVERED', 'REFUNDED', 'PARTIALLY_REFUNDED'].includes(o.status),
  );
  if (!reached(spec.stage, 'DELIVERED')) return;
  // The carrier's report, on the operator route the README shows (a carrier webhook needs its account's secret).
  if (shipment.status !== 'DELIVERED') {
    await api.call('POST', `/shipments/${shipment.id}/status`, {
      token: admin,
      body: { status: 'DELIVERED', location: spec.address.city },
    });
  }
  const delivered = await until(
    `order ${spec.platformOrderId} to be DELIVERED`,
    () => api.call('GET', `/orders/${orderId}`, { token: admin }),
    (o) => o.status !== 'SHIPPED' && o.status !== 'PROCESSING',
  );
  // Fulfillment hears of the delivery too: waited for, so the run ends with nothing still moving.
  await until(
    `the fulfillment of order ${spec.platformOrderId} to be DELIVERED`,
    () => api.call('GET', `/fulfillments/${fulfillment.id}`, { token: admin }),
    (f) => f.status === 'DELIVERED',
  );
  if (reached(spec.stage, 'RETURNED')) await returnOne(api, admin, delivered);
}

/**
 * One unit comes back defective: the RMA's whole workflow, REQUESTED to COMPLETED. The marketplace collected the
 * payment (an imported order has no payment of ours), so orders records no refund for it; catalog restocks nothing
 * either, the unit being marked not resellable.
 */
async function returnOne(api: Api, token: string, order: any): Promise<void> {
  const [existing] = await api.list(`/returns?orderId=${order.id}`, token);
  let rma =
    existing ??
    (await api.call('POST', '/returns', {
      token,
      body: {
        orderId: order.id,
        items: [{ orderItemId: order.items[0].id, quantity: 1 }],
        reason: 'DEFECTIVE',
        customerNotes: 'Print peeled after one wash',
      },
    }));
  for (const status of RETURN_STEPS.slice(RETURN_STEPS.indexOf(rma.status) + 1)) {
    const body = status === 'APPROVED' ? { status, refundAmount: order.items[0].price } : { status };
    rma = await api.call('POST', `/returns/${rma.id}/status`, { token, body });
  }
}
