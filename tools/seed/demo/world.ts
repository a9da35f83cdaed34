/**
 * Who and what the demo world holds, by the natural keys the seed looks things up by before creating
 * them (an email, a store or product name, a factory code, a device serial, a rule or report name).
 */
export interface Person {
  email: string;
  password: string;
  role: string;
  /** What the person is in the demo, for the printed sign-ins. */
  about: string;
}

/** The admin is the one `npm start` creates from SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD (these defaults on a first start). */
export const DEMO_ADMIN = { email: 'admin@example.com', password: 'Mycelium#Root2026' };

export function adminOf(env: NodeJS.ProcessEnv): Person {
  return {
    email: env.SEED_ADMIN_EMAIL?.trim().toLowerCase() || DEMO_ADMIN.email,
    password: env.SEED_ADMIN_PASSWORD || DEMO_ADMIN.password,
    role: 'SUPER_ADMIN',
    about: 'everything',
  };
}

export const PEOPLE = {
  seller: {
    email: 'seller.maya@example.com',
    password: 'Merch#Demo2026',
    role: 'SELLER',
    about: 'Spore Merch team: two stores, designs, orders',
  },
  fulfiller: { email: 'fulfiller.paolo@example.com', password: 'Print#Demo2026', role: 'FULFILLER', about: "Portland Print's work queue" },
  grower: {
    email: 'grower.gina@example.com',
    password: 'Oyster#Demo2026',
    role: 'GROWER',
    about: 'two chambers, their sensors and alerts',
  },
  buyer: { email: 'buyer.ben@example.com', password: 'Shop#Demo2026', role: 'BUYER', about: 'web-shop orders' },
} satisfies Record<string, Person>;

export const TEAM = 'Spore Merch';
export const STORES = {
  tiktok: { name: 'Spore Merch on TikTok', platform: 'TIKTOK_SHOP', currency: 'USD' },
  shopify: { name: 'Spore Merch on Shopify', platform: 'SHOPIFY', currency: 'USD' },
} as const;

export interface DemoProduct {
  store: keyof typeof STORES;
  name: string;
  price: string;
  design: string;
  variants: { size: string; color: string }[];
}

export const PRODUCTS: DemoProduct[] = [
  {
    store: 'shopify',
    name: 'Oyster Mushroom Tee',
    price: '24.99',
    design: 'Oyster line art',
    variants: [
      { size: 'M', color: 'Black' },
      { size: 'L', color: 'Black' },
    ],
  },
  { store: 'shopify', name: 'Shiitake Mug', price: '14.50', design: 'Shiitake badge', variants: [{ size: '11oz', color: 'White' }] },
  {
    store: 'tiktok',
    name: "Lion's Mane Tote",
    price: '18.99',
    design: "Lion's Mane sketch",
    variants: [{ size: 'One size', color: 'Natural' }],
  },
];

export const FACTORIES = [
  { code: 'PDX-1', name: 'Portland Print', country: 'US', city: 'Portland', zones: ['US'], price: '9.50' },
  { code: 'MNL-1', name: 'Manila Print', country: 'PH', city: 'Makati', zones: ['PH'], price: '6.00' },
] as const;

export const CHAMBERS = [
  { serial: 'DEMO-CH-001', name: 'Chamber 1 (oyster)', location: 'Mash Farm, room A' },
  { serial: 'DEMO-CH-002', name: 'Chamber 2 (shiitake)', location: 'Mash Farm, room B' },
] as const;

export const RULES = { grower: 'Demo: chamber above 30 °C', admin: 'Demo: shipment exceptions' } as const;
export const REPORT = 'Demo: weekly orders';
