import { Prisma } from '@suite/db/orders';
import { AppError } from '@suite/platform';
import { MAPPERS } from './mappers';
import { NormalisedOrder } from './normalised-order';
import amazon from './fixtures/amazon.json';
import etsy from './fixtures/etsy.json';
import shopify from './fixtures/shopify.json';
import tiktok from './fixtures/tiktok-shop.json';
import woocommerce from './fixtures/woocommerce.json';

type Expected = Omit<NormalisedOrder, 'billingAddress' | 'buyer'> & { billingCity: string; email: string };

const CASES: [string, unknown, Expected][] = [
  [
    'SHOPIFY',
    shopify,
    {
      platformOrderId: '5678901234567',
      currency: 'USD',
      placedAt: new Date('2026-11-20T14:14:31Z'),
      email: 'ana.reyes@example.com',
      items: [
        { sku: 'SHOP-TEE-OYS-BLK-M', name: 'Oyster Mushroom Tee - Black / M', quantity: 2, price: '19.99' },
        { sku: 'SHOP-MUG-SHI-11', name: 'Shiitake Mug - 11oz', quantity: 1, price: '14.99' },
      ],
      tax: '4.00',
      shipping: '6.95',
      discount: '5.00',
      total: '60.92',
      billingCity: 'Portland',
      shippingAddress: {
        name: 'Ana Reyes',
        company: null,
        street1: '1221 SW Yamhill St',
        street2: 'Apt 4',
        city: 'Portland',
        state: 'OR',
        postalCode: '97205',
        country: 'US',
        phone: '+1 503-555-0134',
      },
    },
  ],
  [
    'TIKTOK_SHOP',
    tiktok,
    {
      platformOrderId: '576461413038785752',
      currency: 'USD',
      placedAt: new Date(1763629200 * 1000),
      email: 'v8k2x9q3@scs2.tiktok.com',
      items: [
        { sku: 'TTS-TOTE-LIO-NAT', name: "Lion's Mane Canvas Tote", quantity: 2, price: '19.99' },
        { sku: 'TTS-CAP-ENO-BLK', name: 'Enoki Dad Cap', quantity: 1, price: '12.00' },
      ],
      tax: '4.00',
      shipping: '5.99',
      discount: '2.00',
      total: '59.97',
      billingCity: 'Los Angeles',
      shippingAddress: {
        name: 'Jamie Cruz',
        company: null,
        street1: '742 S Broadway',
        street2: 'Suite 300',
        city: 'Los Angeles',
        state: 'California',
        postalCode: '90014',
        country: 'US',
        phone: '(+1)213-555-0188',
      },
    },
  ],
  [
    'ETSY',
    etsy,
    {
      platformOrderId: '3301234567',
      currency: 'USD',
      placedAt: new Date(1763550000 * 1000),
      email: 'lena.park@example.com',
      items: [
        { sku: 'ETSY-PST-SHI-A3', name: 'Shiitake Botanical Print Poster', quantity: 1, price: '25.00' },
        { sku: 'ETSY-STK-MUS-SET', name: 'Mushroom Sticker Set (6 pcs)', quantity: 2, price: '4.50' },
      ],
      tax: '2.45',
      shipping: '5.00',
      discount: '3.40',
      total: '38.05',
      billingCity: 'Austin',
      shippingAddress: {
        name: 'Lena Park',
        company: null,
        street1: '88 Willow Lane',
        street2: 'Unit 2',
        city: 'Austin',
        state: 'TX',
        postalCode: '78701',
        country: 'US',
        phone: null,
      },
    },
  ],
  [
    'AMAZON',
    amazon,
    {
      platformOrderId: '113-4567890-1234567',
      currency: 'USD',
      placedAt: new Date('2026-11-19T18:22:05Z'),
      email: 'x1y2z3w4v5@marketplace.amazon.com',
      items: [
        { sku: 'AMZ-KIT-OYS-GRW', name: 'Blue Oyster Mushroom Grow Kit - Beginner Friendly', quantity: 1, price: '29.99' },
        { sku: 'AMZ-BAG-GRW-5PK', name: 'Mushroom Grow Bags with Filter Patch (5 Pack)', quantity: 2, price: '6.99' },
      ],
      tax: '3.96',
      shipping: '4.99',
      discount: '3.00',
      total: '49.92',
      billingCity: 'Seattle',
      shippingAddress: {
        name: 'Sam Lee',
        company: null,
        street1: '410 Terry Ave N',
        street2: 'Floor 3',
        city: 'Seattle',
        state: 'WA',
        postalCode: '98109-5210',
        country: 'US',
        phone: '+1 206-555-0147',
      },
    },
  ],
  [
    'WOOCOMMERCE',
    woocommerce,
    {
      platformOrderId: '727',
      currency: 'PHP',
      placedAt: new Date('2026-11-18T06:05:11Z'),
      email: 'maria.santos@example.com',
      items: [
        { sku: 'WOO-HOD-CHS-L', name: 'Chestnut Mushroom Hoodie - L', quantity: 1, price: '1299.00' },
        { sku: 'WOO-PIN-ENA-SET', name: 'Enamel Mushroom Pin Set', quantity: 2, price: '199.00' },
      ],
      tax: '191.64',
      shipping: '150.00',
      discount: '100.00',
      total: '1938.64',
      billingCity: 'Makati',
      shippingAddress: {
        name: 'Maria Santos',
        company: 'Santos Farms',
        street1: 'Km 5 Aguinaldo Hwy',
        street2: null,
        city: 'Silang',
        state: 'Cavite',
        postalCode: '4118',
        country: 'PH',
        phone: '+63 917 555 0101',
      },
    },
  ],
];

describe.each(CASES)('%s mapper', (platform, fixture, expected) => {
  const mapped = MAPPERS[platform](structuredClone(fixture) as Record<string, unknown>);

  it('maps the platform order id, currency, time and buyer', () => {
    expect([mapped.platformOrderId, mapped.currency, mapped.placedAt.toISOString(), mapped.buyer.email]).toEqual([
      expected.platformOrderId,
      expected.currency,
      expected.placedAt.toISOString(),
      expected.email,
    ]);
  });

  it('maps the items by SKU with unit prices', () => {
    expect(mapped.items).toEqual(expected.items);
  });

  it('maps the totals, and they add up to what the marketplace charged', () => {
    expect([mapped.tax, mapped.shipping, mapped.discount, mapped.total]).toEqual([
      expected.tax,
      expected.shipping,
      expected.discount,
      expected.total,
    ]);
    const items = mapped.items.reduce((s, i) => s.add(new Prisma.Decimal(i.price).mul(i.quantity)), new Prisma.Decimal(0));
    expect(items.add(mapped.tax).add(mapped.shipping).sub(mapped.discount).toFixed(2)).toBe(expected.total);
  });

  it('maps the shipping and billing addresses', () => {
    expect(mapped.shippingAddress).toEqual(expected.shippingAddress);
    expect(mapped.billingAddress.city).toBe(expected.billingCity);
  });

  it('refuses a payload without items as 400 naming the field', () => {
    const broken = structuredClone(fixture) as Record<string, any>;
    if (platform === 'TIKTOK_SHOP') broken.data.orders[0].line_items = [];
    else if (platform === 'ETSY') broken.transactions = [];
    else if (platform === 'AMAZON') broken.OrderItems = [];
    else broken.line_items = [];
    try {
      MAPPERS[platform](broken);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).toPayload()).toMatchObject({ kind: 'invalid', code: 'ORDERS.INVALID_PAYLOAD' });
      expect((error as AppError).details?.errors?.[0].field).toMatch(/^order\.(data\.orders\.)?(line_items|transactions|OrderItems)$/);
    }
  });
});
