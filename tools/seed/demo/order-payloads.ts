/** The demo's marketplace orders, in each platform's own payload shape (what `POST /orders/import/:storeId` takes). */
import { variantKey, type Catalog } from './catalog';
import { PRODUCTS, STORES } from './world';

/** How far the seed drives an order: each stage includes the ones before it. */
export const STAGES = ['ROUTED', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED', 'RETURNED'] as const;
export type Stage = (typeof STAGES)[number];
export const reached = (stage: Stage, wanted: Stage) => STAGES.indexOf(stage) >= STAGES.indexOf(wanted);

export interface DemoOrder {
  store: keyof typeof STORES;
  /** The platform's order id: the import is idempotent on it. */
  platformOrderId: string;
  stage: Stage;
  buyer: { first: string; last: string; email: string };
  address: { street: string; city: string; state: string; zip: string; country: string };
  lines: { product: string; size: string; color: string; quantity: number }[];
}

const US = { street: '1 Pine St', city: 'Portland', state: 'Oregon', zip: '97205', country: 'US' };
const PH = { street: '6750 Ayala Ave', city: 'Makati', state: 'Metro Manila', zip: '1226', country: 'PH' };
const TOTE = { product: "Lion's Mane Tote", size: 'One size', color: 'Natural' };

export const DEMO_ORDERS: DemoOrder[] = [
  {
    store: 'shopify',
    platformOrderId: '5001000001',
    stage: 'ROUTED',
    buyer: { first: 'Ana', last: 'Reyes', email: 'ana.reyes@example.com' },
    address: US,
    lines: [{ product: 'Oyster Mushroom Tee', size: 'M', color: 'Black', quantity: 2 }],
  },
  {
    store: 'tiktok',
    platformOrderId: '576461413038700001',
    stage: 'IN_PRODUCTION',
    buyer: { first: 'Jamie', last: 'Cruz', email: 'jamie.cruz@example.com' },
    address: PH,
    lines: [{ ...TOTE, quantity: 1 }],
  },
  {
    store: 'shopify',
    platformOrderId: '5001000002',
    stage: 'SHIPPED',
    buyer: { first: 'Lee', last: 'Park', email: 'lee.park@example.com' },
    address: US,
    lines: [{ product: 'Shiitake Mug', size: '11oz', color: 'White', quantity: 2 }],
  },
  {
    store: 'shopify',
    platformOrderId: '5001000003',
    stage: 'DELIVERED',
    buyer: { first: 'Sam', last: 'Ortiz', email: 'sam.ortiz@example.com' },
    address: US,
    lines: [{ product: 'Oyster Mushroom Tee', size: 'L', color: 'Black', quantity: 1 }],
  },
  {
    store: 'tiktok',
    platformOrderId: '576461413038700002',
    stage: 'RETURNED',
    buyer: { first: 'Kai', last: 'Lim', email: 'kai.lim@example.com' },
    address: US,
    lines: [{ ...TOTE, quantity: 2 }],
  },
];

const priceOf = (product: string) => PRODUCTS.find((p) => p.name === product)!.price;
const cents = (amount: string) => Math.round(Number(amount) * 100);
const money = (c: number) => (c / 100).toFixed(2);
const totalOf = (order: DemoOrder) => money(order.lines.reduce((n, l) => n + cents(priceOf(l.product)) * l.quantity, 0));

/** A day in the past per order, so the demo's orders read in the order they were placed. */
const placedAt = (order: DemoOrder) => new Date(Date.UTC(2026, 10, 20 + DEMO_ORDERS.indexOf(order), 9, 0, 0));

export function importPayload(order: DemoOrder, catalog: Catalog): unknown {
  const sku = (l: DemoOrder['lines'][number]) => catalog.variants[variantKey(l.product, l.size, l.color)];
  const { buyer, address } = order;
  if (order.store === 'shopify') {
    return {
      id: Number(order.platformOrderId),
      currency: 'USD',
      email: buyer.email,
      processed_at: placedAt(order).toISOString(),
      total_price: totalOf(order),
      line_items: order.lines.map((l) => ({
        sku: sku(l),
        title: `${l.product} - ${l.size} / ${l.color}`,
        quantity: l.quantity,
        price: priceOf(l.product),
      })),
      shipping_address: {
        first_name: buyer.first,
        last_name: buyer.last,
        address1: address.street,
        city: address.city,
        province: address.state,
        zip: address.zip,
        country_code: address.country,
      },
    };
  }
  // TikTok Shop: one line per unit, Unix seconds, the district levels for city and state.
  return {
    id: order.platformOrderId,
    create_time: Math.floor(placedAt(order).getTime() / 1000),
    buyer_email: buyer.email,
    payment: { currency: 'USD', total_amount: totalOf(order), tax: '0.00', shipping_fee: '0.00' },
    recipient_address: {
      name: `${buyer.first} ${buyer.last}`,
      address_line1: address.street,
      postal_code: address.zip,
      region_code: address.country,
      district_info: [
        { address_level: 'L1', address_name: address.state },
        { address_level: 'L3', address_name: address.city },
      ],
    },
    line_items: order.lines.flatMap((l) =>
      Array.from({ length: l.quantity }, () => ({ seller_sku: sku(l), product_name: l.product, original_price: priceOf(l.product) })),
    ),
  };
}
