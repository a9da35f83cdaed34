/**
 * What each event adds to the aggregates. An event becomes zero or more facts; a fact is one
 * increment (count, amount, quantity) of one source under one set of dimension values. Sources keep
 * dimension sets apart (orders by store, lines by product, payments by customer), so a query reads
 * rows of one granularity and a dimension nobody asked for never multiplies the rows.
 *
 *   order.placed      orders placed (amount: their total)           store, team, channel
 *   order.paid        payments taken (amount: paid)                 store, team, channel
 *   order.refunded    money returned (amount: this refund)          store, team, channel
 *   order.cancelled   orders cancelled                              store, team, channel
 *   customer.paid     paid minus refunded per customer              store, team, channel, customer
 *   product.ordered   order lines placed (quantity: units)          store, team, channel, product, category
 *   return.completed  returns completed                             store, team
 *   checkout.started  checkouts started (conversion denominator)    store, team, channel
 *   customer.registered  sign-ups                                   (none)
 *   device.alert / device.reading / device.online / device.offline  device
 *   device.downtime   seconds offline, counted when the device is back   device
 */
import { EventRecord } from '../events/event-record';

export interface Dimensions {
  storeId?: string;
  teamId?: string;
  channel?: string;
  productId?: string;
  category?: string;
  deviceId?: string;
  customerId?: string;
}

export interface Fact extends Dimensions {
  source: string;
  at: Date;
  count: number;
  /** A decimal string: money stays exact until Postgres sums it. */
  amount: string;
  quantity: number;
}

/** What the batch knows about stores, products, devices and payments (loaded before, written back after). */
export interface Directory {
  storeTeam: Map<string, string | null>;
  productCategory: Map<string, { storeId: string | null; category: string | null }>;
  device: Map<string, { ownerId: string | null; offlineSince: Date | null; lastOnlineAt: Date | null }>;
  refunded: Map<string, string>;
}

export const emptyDirectory = (): Directory => ({
  storeTeam: new Map(),
  productCategory: new Map(),
  device: new Map(),
  refunded: new Map(),
});

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const money = (v: unknown): string => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? v : typeof v === 'number' ? String(v) : '0');
const cents = (v: string) => Math.round(Number(v) * 100);

/** The ids the facts of these events need looked up (stores without a team, ordered products, devices, payments). */
export function lookupsOf(records: EventRecord[]) {
  const stores = new Set<string>();
  const products = new Set<string>();
  const devices = new Set<string>();
  const payments = new Set<string>();
  for (const { eventType, metadata } of records) {
    const m = (metadata ?? {}) as Record<string, unknown>;
    const storeId = str(m.storeId);
    if (storeId && !str(m.teamId)) stores.add(storeId);
    if (eventType === 'evt.orders.order.placed' && Array.isArray(m.items))
      for (const item of m.items as Record<string, unknown>[]) if (str(item?.productId)) products.add(str(item.productId)!);
    // Every event that writes a device row (alerts, readings, offline, online) reads and locks it first: a breach
    // handled between an outage's offline and online events would otherwise write back an empty offlineSince.
    if (str(m.deviceId)) devices.add(str(m.deviceId)!);
    if (eventType === 'evt.orders.order.refunded' && str(m.paymentId)) payments.add(str(m.paymentId)!);
  }
  return { stores: [...stores], products: [...products], devices: [...devices], payments: [...payments] };
}

/** The channel an order or checkout came through: the payload's own, else marketplace for imported orders. */
export function channelOf(m: Record<string, unknown>): string {
  return str(m.channel) ?? str(m.platform) ?? (m.imported === true ? 'marketplace' : 'storefront');
}

/**
 * The facts of one event. Learns from it as it goes (a store's team, a product's category, a
 * device's owner and outage), so later events of the same batch see what earlier ones taught.
 */
export function factsOf(record: EventRecord, dir: Directory): Fact[] {
  const m = (record.metadata ?? {}) as Record<string, unknown>;
  const at = record.timestamp;
  const type = record.eventType;
  const storeId = str(m.storeId);
  const teamFromEvent = str(m.teamId);
  if (storeId && teamFromEvent) dir.storeTeam.set(storeId, teamFromEvent);
  const teamId = teamFromEvent ?? (storeId ? (dir.storeTeam.get(storeId) ?? undefined) : undefined);
  const shop: Dimensions = { storeId, teamId, channel: channelOf(m) };
  const fact = (source: string, dims: Dimensions, count = 1, amount = '0', quantity = 0): Fact => ({
    source,
    at,
    ...dims,
    count,
    amount,
    quantity,
  });

  if (type.startsWith('evt.catalog.product.')) {
    const productId = str(m.productId);
    const known = productId ? dir.productCategory.get(productId) : undefined;
    if (productId)
      dir.productCategory.set(productId, {
        storeId: storeId ?? known?.storeId ?? null,
        category: str(m.category) ?? str(m.categoryId) ?? known?.category ?? null,
      });
    return [];
  }
  switch (type) {
    case 'evt.orders.order.placed': {
      const lines = Array.isArray(m.items) ? (m.items as Record<string, unknown>[]) : [];
      return [
        fact('order.placed', shop, 1, money(m.total)),
        ...lines
          .filter((line) => str(line?.productId))
          .map((line) => {
            const productId = str(line.productId)!;
            const category = dir.productCategory.get(productId)?.category ?? undefined;
            return fact('product.ordered', { ...shop, productId, category }, 1, '0', Number(line.quantity) || 0);
          }),
      ];
    }
    case 'evt.orders.order.paid': {
      const paid = money(m.amount ?? m.total);
      return [fact('order.paid', shop, 1, paid), fact('customer.paid', { ...shop, customerId: str(m.userId) ?? '' }, 1, paid)];
    }
    case 'evt.orders.order.refunded': {
      // The event carries the payment's running refunded total: this refund is what it adds.
      const paymentId = str(m.paymentId);
      const total = money(m.refundedAmount);
      const before = paymentId ? (dir.refunded.get(paymentId) ?? '0') : '0';
      const delta = cents(total) - cents(before);
      if (paymentId) dir.refunded.set(paymentId, cents(total) > cents(before) ? total : before);
      if (delta <= 0) return [];
      const amount = (delta / 100).toFixed(2);
      return [
        fact('order.refunded', shop, 1, amount),
        fact('customer.paid', { ...shop, customerId: str(m.userId) ?? '' }, 0, `-${amount}`),
      ];
    }
    case 'evt.orders.order.cancelled':
      return [fact('order.cancelled', shop, 1, money(m.total))];
    case 'evt.logistics.return.completed':
      return [fact('return.completed', { storeId, teamId })];
    case 'evt.identity.user.registered':
      return [fact('customer.registered', {})];
    case 'evt.iot-telemetry.threshold.breached':
      return deviceFact(m, dir, 'device.alert', at);
    case 'evt.alerting.alert.raised':
      // A breach alerting raises again (its source is iot-telemetry) is already counted by the breach itself.
      return str(m.deviceId) && str(m.source) !== 'iot-telemetry' ? deviceFact(m, dir, 'device.alert', at) : [];
    case 'evt.iot-telemetry.device.offline': {
      const facts = deviceFact(m, dir, 'device.offline', at);
      const device = dir.device.get(str(m.deviceId) ?? '');
      const since = new Date(str(m.lastSeen) ?? str(m.at) ?? at.toISOString());
      // Delivered after the reconnection that ended it (events of a stream may be handled out of order): count it now.
      if (device?.lastOnlineAt && device.lastOnlineAt > since) facts.push(downtime(m, at, since, device.lastOnlineAt));
      else if (device && !device.offlineSince) device.offlineSince = since;
      return facts;
    }
    case 'evt.iot-telemetry.device.online': {
      const facts = deviceFact(m, dir, 'device.online', at);
      const device = dir.device.get(str(m.deviceId) ?? '');
      const back = new Date(str(m.at) ?? at.toISOString());
      if (device?.offlineSince && back > device.offlineSince) {
        facts.push(downtime(m, at, device.offlineSince, back));
        device.offlineSince = null;
      }
      if (device && (!device.lastOnlineAt || back > device.lastOnlineAt)) device.lastOnlineAt = back;
      return facts;
    }
  }
  if (/^evt\.iot-telemetry\.readings?\./.test(type)) return deviceFact(m, dir, 'device.reading', at, Number(m.count) || 1);
  // Checkouts: a frontend's tracked `checkout.started` or a service's evt.<svc>.checkout.started.
  if (type === 'checkout.started' || /^evt\.[a-z-]+\.checkout\.started$/.test(type)) return [fact('checkout.started', shop)];
  return [];
}

/** Seconds a device was away, as the amount of a device.downtime fact dated by the event that closed the outage. */
function downtime(m: Record<string, unknown>, at: Date, from: Date, to: Date): Fact {
  const seconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  return { source: 'device.downtime', at, deviceId: str(m.deviceId), count: 1, amount: String(seconds), quantity: 0 };
}

function deviceFact(m: Record<string, unknown>, dir: Directory, source: string, at: Date, count = 1): Fact[] {
  const deviceId = str(m.deviceId);
  if (!deviceId) return [];
  const known = dir.device.get(deviceId);
  dir.device.set(deviceId, {
    ownerId: str(m.userId) ?? str(m.ownerId) ?? known?.ownerId ?? null,
    offlineSince: known?.offlineSince ?? null,
    lastOnlineAt: known?.lastOnlineAt ?? null,
  });
  return [{ source, at, deviceId, count, amount: '0', quantity: 0 }];
}
