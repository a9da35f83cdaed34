import { Prisma } from '@suite/db/orders';
import { invalid } from '@suite/platform';

/** What every marketplace order becomes before it is an Order: money as 2-decimal strings. */
export interface NormalisedAddress {
  name: string;
  company: string | null;
  street1: string;
  street2: string | null;
  city: string;
  state: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  phone: string | null;
}

export interface NormalisedItem {
  sku: string;
  name: string;
  quantity: number;
  /** unit price before order-level discounts */
  price: string;
}

export interface NormalisedOrder {
  platformOrderId: string;
  currency: string;
  placedAt: Date;
  buyer: { email: string | null; name: string | null };
  items: NormalisedItem[];
  tax: string;
  shipping: string;
  discount: string;
  /** what the marketplace says the buyer paid: items + tax + shipping - discount */
  total: string;
  shippingAddress: NormalisedAddress;
  billingAddress: NormalisedAddress;
}

export type OrderMapper = (payload: Record<string, unknown>) => NormalisedOrder;

/** A payload that lacks what the mapper needs is the caller's 400, naming the field as sent. */
export const badField = (field: string, message: string) =>
  invalid('ORDERS.INVALID_PAYLOAD', `order.${field}: ${message}.`, { errors: [{ field: `order.${field}`, messages: [message] }] });

export function at(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), root);
}

export function optText(root: unknown, path: string): string | null {
  const value = at(root, path);
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;
}

export function text(root: unknown, path: string, prefix = ''): string {
  const value = optText(root, path);
  if (value === null) throw badField(prefix + path, 'is required');
  return value;
}

export function list(root: unknown, path: string, prefix = ''): Record<string, unknown>[] {
  const value = at(root, path);
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => v && typeof v === 'object'))
    throw badField(prefix + path, 'must be a non-empty list');
  return value as Record<string, unknown>[];
}

/** Money as sent (number or numeric string) -> "12.30"; absent optional money is zero. */
export function money(root: unknown, path: string, prefix = '', required = true): string {
  const value = at(root, path);
  if (value === undefined || value === null || value === '') {
    if (required) throw badField(prefix + path, 'is required');
    return '0.00';
  }
  if ((typeof value !== 'string' && typeof value !== 'number') || !/^-?\d+(\.\d+)?$/.test(String(value)))
    throw badField(prefix + path, 'must be an amount');
  return new Prisma.Decimal(value).toFixed(2);
}

export function quantity(root: unknown, path: string, prefix = ''): number {
  const value = Number(at(root, path));
  if (!Number.isInteger(value) || value < 1) throw badField(prefix + path, 'must be a positive whole number');
  return value;
}

export const sum = (amounts: string[]) => amounts.reduce((s, a) => s.add(a), new Prisma.Decimal(0)).toFixed(2);
