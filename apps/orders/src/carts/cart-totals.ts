import { Prisma } from '@suite/db/orders';

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

export interface PricedLine {
  price: Decimal | string;
  quantity: number;
}

export interface CartTotals {
  subtotal: Decimal;
  tax: Decimal;
  shipping: Decimal;
  discount: Decimal;
  total: Decimal;
}

/** Money is kept to the cent; halves round away from zero (the shop's and the tax office's rule). */
export const toCents = (value: Decimal): Decimal => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** price x quantity, exact (prices have 2 decimals, so no rounding happens here). */
export const lineSubtotal = (line: PricedLine): Decimal => toCents(new Decimal(line.price).times(line.quantity));

/**
 * The cart's money, in Decimal only (never floats): tax is charged once on the subtotal, not per
 * line, so the rounding of many lines cannot drift. Shipping and discounts are not priced in carts
 * yet (checkout owns them): both are 0.
 */
export function cartTotals(lines: PricedLine[], taxRate: string): CartTotals {
  const subtotal = lines.reduce((sum, line) => sum.plus(lineSubtotal(line)), new Decimal(0));
  const tax = toCents(subtotal.times(new Decimal(taxRate)));
  const shipping = new Decimal(0);
  const discount = new Decimal(0);
  return { subtotal, tax, shipping, discount, total: subtotal.plus(tax).plus(shipping).minus(discount) };
}
