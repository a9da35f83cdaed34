import { Prisma } from '@suite/db/orders';
import { at, badField, list, NormalisedAddress, OrderMapper, optText, quantity, text } from './normalised-order';

/** Etsy Open API v3 shop receipt: money is {amount, divisor, currency_code}; the buyer's address is on the receipt itself. */
const etsyMoney = (root: unknown, path: string, required = true): string => {
  const value = at(root, path) as { amount?: unknown; divisor?: unknown } | undefined;
  if (value === undefined || value === null) {
    if (required) throw badField(path, 'is required');
    return '0.00';
  }
  if (!Number.isInteger(value.amount) || !Number.isInteger(value.divisor) || Number(value.divisor) <= 0)
    throw badField(path, 'must be {amount, divisor, currency_code}');
  return new Prisma.Decimal(value.amount as number).div(value.divisor as number).toFixed(2);
};

export const mapEtsyReceipt: OrderMapper = (r) => {
  const address: NormalisedAddress = {
    name: text(r, 'name'),
    company: null,
    street1: text(r, 'first_line'),
    street2: optText(r, 'second_line'),
    city: text(r, 'city'),
    state: optText(r, 'state') ?? '',
    postalCode: text(r, 'zip'),
    country: text(r, 'country_iso'),
    phone: null,
  };
  return {
    platformOrderId: text(r, 'receipt_id'),
    currency: text(r, 'grandtotal.currency_code'),
    placedAt: new Date(Number(text(r, 'create_timestamp')) * 1000),
    buyer: { email: optText(r, 'buyer_email'), name: address.name },
    items: list(r, 'transactions').map((t, i) => ({
      sku: text(t, 'sku', `transactions.${i}.`),
      name: text(t, 'title', `transactions.${i}.`),
      quantity: quantity(t, 'quantity', `transactions.${i}.`),
      price: etsyMoney(t, 'price'),
    })),
    tax: new Prisma.Decimal(etsyMoney(r, 'total_tax_cost', false)).add(etsyMoney(r, 'total_vat_cost', false)).toFixed(2),
    shipping: etsyMoney(r, 'total_shipping_cost', false),
    discount: etsyMoney(r, 'discount_amt', false),
    total: etsyMoney(r, 'grandtotal'),
    shippingAddress: address,
    billingAddress: address,
  };
};
