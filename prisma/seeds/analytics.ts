/**
 * Demo configuration of the suite (analytics owns SystemConfig). Public rows may be shown to
 * anonymous clients (shop front, app start-up); the rest are for services and admins only.
 */
import type { AnalyticsDb, Prisma } from '@suite/db/analytics';

interface ConfigSeed {
  key: string;
  value: Prisma.InputJsonValue;
  category: string;
  isPublic: boolean;
  description: string;
}

export const SYSTEM_CONFIG: readonly ConfigSeed[] = [
  {
    key: 'site.name',
    value: 'POD & Mash Suite',
    category: 'site',
    isPublic: true,
    description: 'Name shown in the shop front and e-mails',
  },
  { key: 'site.currency', value: 'PHP', category: 'site', isPublic: true, description: 'ISO 4217 currency of prices and payments' },
  {
    key: 'site.timezone',
    value: 'Asia/Manila',
    category: 'site',
    isPublic: true,
    description: 'IANA zone for business days and reports (times are stored in UTC)',
  },
  { key: 'site.locale', value: 'en-PH', category: 'site', isPublic: true, description: 'Default locale for formatting' },
  // Decimal as a string: money arithmetic uses Decimal, never float.
  {
    key: 'orders.tax_rate',
    value: '0.12',
    category: 'orders',
    isPublic: true,
    description: 'VAT rate applied to taxable order lines (decimal string)',
  },
  {
    key: 'orders.prices_include_tax',
    value: true,
    category: 'orders',
    isPublic: true,
    description: 'Whether listed prices already include VAT',
  },
  {
    key: 'telemetry.default_heartbeat_seconds',
    value: 60,
    category: 'telemetry',
    isPublic: false,
    description: 'Expected interval between device heartbeats',
  },
  {
    key: 'telemetry.offline_after_missed_heartbeats',
    value: 3,
    category: 'telemetry',
    isPublic: false,
    description: 'Missed heartbeats before a device is marked offline',
  },
];

/**
 * Upserts by key. An existing row keeps its value (an operator may have changed it since) but
 * gets the seed's description, category and visibility.
 */
export async function seed(db: AnalyticsDb): Promise<void> {
  for (const { key, value, ...meta } of SYSTEM_CONFIG) {
    await db.systemConfig.upsert({ where: { key }, create: { key, value, ...meta }, update: meta });
  }
}
