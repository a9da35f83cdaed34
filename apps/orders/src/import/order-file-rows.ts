import { toCountryCode } from '@suite/contracts/fulfillment';
import { ImportRowProblem, ImportRowResult } from '@suite/contracts/core';
import { Prisma } from '@suite/db/orders';
import { failed, problem } from '@suite/platform';
import { NormalisedAddress, NormalisedOrder } from './normalised-order';

/**
 * One order per row of an ORDER import file (the shape of a marketplace's order report): its lines in one cell,
 * `SKU*quantity@unit price` separated by `|` ("MUG-11*2@14.90|TEE-M*1@19.00"), the shipping address in ship*
 * columns. The natural key is (store, platformOrderId): a row already imported is left as it is.
 */
export const ORDER_IMPORT_FIELDS = [
  'platformOrderId',
  'storeId',
  'items',
  'currency',
  'placedAt',
  'buyerEmail',
  'buyerName',
  'tax',
  'shipping',
  'discount',
  'shipName',
  'shipStreet1',
  'shipStreet2',
  'shipCity',
  'shipState',
  'shipPostalCode',
  'shipCountry',
  'shipPhone',
] as const;

export interface OrderRow {
  rowNumber: number;
  storeId: string;
  order: NormalisedOrder;
}

const MONEY = /^\d+(\.\d{1,2})?$/;
const LINE = /^(.+)\*(\d+)@(\d+(?:\.\d{1,2})?)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUIRED = ['platformOrderId', 'items', 'shipName', 'shipStreet1', 'shipCity', 'shipPostalCode', 'shipCountry'] as const;

/** A row as a NormalisedOrder, the same shape every marketplace mapper produces, or every problem it has. */
export function orderRowOf(rowNumber: number, v: Record<string, string>, defaultStoreId?: string): OrderRow | ImportRowResult {
  const problems: ImportRowProblem[] = REQUIRED.filter((f) => !v[f]?.trim()).map((f) =>
    problem(f, 'VALIDATION', 'REQUIRED', `${f} is required`, { suggestion: `Fill in ${f}` }),
  );
  const storeId = v.storeId ?? defaultStoreId;
  if (!storeId)
    problems.push(
      problem('storeId', 'VALIDATION', 'REQUIRED', 'storeId is required', {
        suggestion: 'Add a storeId column or choose a store for the job',
      }),
    );
  else if (!UUID.test(storeId))
    problems.push(problem('storeId', 'FORMAT', 'NOT_A_UUID', 'storeId is not a UUID', { expectedFormat: 'a UUID' }));
  const items = v.items ? linesOf(v.items, problems) : [];
  const amounts = Object.fromEntries(
    (['tax', 'shipping', 'discount'] as const).map((f) => {
      if (v[f] && !MONEY.test(v[f]))
        problems.push(problem(f, 'FORMAT', 'NOT_A_NUMBER', `${f} is not an amount`, { expectedFormat: 'at most 2 decimals, e.g. 4.50' }));
      return [f, new Prisma.Decimal(v[f] && MONEY.test(v[f]) ? v[f] : '0').toFixed(2)];
    }),
  ) as Record<'tax' | 'shipping' | 'discount', string>;
  const placedAt = v.placedAt ? new Date(v.placedAt) : new Date();
  if (Number.isNaN(placedAt.getTime()))
    problems.push(problem('placedAt', 'FORMAT', 'NOT_A_DATE', 'placedAt is not a date', { expectedFormat: '2026-12-01T09:30:00Z' }));
  const currency = (v.currency ?? 'PHP').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    problems.push(problem('currency', 'FORMAT', 'NOT_A_CURRENCY', 'currency is a 3-letter ISO 4217 code', { expectedFormat: 'PHP' }));
  const country = v.shipCountry ? toCountryCode(v.shipCountry.trim()) : undefined;
  if (v.shipCountry && !country)
    problems.push(
      problem('shipCountry', 'VALIDATION', 'UNKNOWN_COUNTRY', 'shipCountry is not a country', { expectedFormat: 'PH or Philippines' }),
    );
  if (v.platformOrderId && v.platformOrderId.length > 100)
    problems.push(problem('platformOrderId', 'VALIDATION', 'TOO_LONG', 'platformOrderId is longer than 100 characters'));
  if (problems.length) return failed(rowNumber, problems);
  const address: NormalisedAddress = {
    name: v.shipName,
    company: null,
    street1: v.shipStreet1,
    street2: v.shipStreet2 ?? null,
    city: v.shipCity,
    state: v.shipState ?? '',
    postalCode: v.shipPostalCode,
    country: country!,
    phone: v.shipPhone ?? null,
  };
  const subtotal = items.reduce((s, i) => s.add(new Prisma.Decimal(i.price).mul(i.quantity)), new Prisma.Decimal(0));
  return {
    rowNumber,
    storeId: storeId!,
    order: {
      platformOrderId: v.platformOrderId.trim(),
      currency,
      placedAt,
      buyer: { email: v.buyerEmail ?? null, name: v.buyerName ?? v.shipName },
      items,
      ...amounts,
      total: subtotal.add(amounts.tax).add(amounts.shipping).sub(amounts.discount).toFixed(2),
      shippingAddress: address,
      billingAddress: address,
    },
  };
}

function linesOf(cell: string, problems: ImportRowProblem[]): NormalisedOrder['items'] {
  const lines = cell
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
  const parsed = lines.map((line) => LINE.exec(line));
  const bad = lines.filter((_, i) => !parsed[i] || Number(parsed[i]![2]) < 1);
  if (bad.length || !lines.length) {
    problems.push(
      problem('items', 'FORMAT', 'BAD_ORDER_LINES', `items must be SKU*quantity@price lines: ${bad.join(', ') || '(none)'}`, {
        expectedFormat: 'MUG-11*2@14.90|TEE-M*1@19.00',
      }),
    );
    return [];
  }
  return parsed.map((m) => ({
    sku: m![1].trim(),
    name: m![1].trim(),
    quantity: Number(m![2]),
    price: new Prisma.Decimal(m![3]).toFixed(2),
  }));
}
