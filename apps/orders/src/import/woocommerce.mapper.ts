import { Prisma } from '@suite/db/orders';
import { list, money, NormalisedAddress, OrderMapper, optText, quantity, text } from './normalised-order';

/**
 * WooCommerce REST v3 order. A line's `subtotal` is before coupons (its `price` is after them),
 * so the unit price is subtotal / quantity and coupons stay in discount_total.
 */
const address = (a: unknown, field: string): NormalisedAddress => ({
  name: `${optText(a, 'first_name') ?? ''} ${text(a, 'last_name', `${field}.`)}`.trim(),
  company: optText(a, 'company'),
  street1: text(a, 'address_1', `${field}.`),
  street2: optText(a, 'address_2'),
  city: text(a, 'city', `${field}.`),
  state: optText(a, 'state') ?? '',
  postalCode: text(a, 'postcode', `${field}.`),
  country: text(a, 'country', `${field}.`),
  phone: optText(a, 'phone'),
});

export const mapWooCommerceOrder: OrderMapper = (o) => {
  const billingAddress = address(o.billing, 'billing');
  const shippingAddress = optText(o, 'shipping.address_1') ? address(o.shipping, 'shipping') : billingAddress;
  return {
    platformOrderId: text(o, 'id'),
    currency: text(o, 'currency'),
    placedAt: new Date(`${text(o, 'date_created_gmt')}Z`),
    buyer: { email: optText(o, 'billing.email'), name: billingAddress.name },
    items: list(o, 'line_items').map((line, i) => {
      const count = quantity(line, 'quantity', `line_items.${i}.`);
      return {
        sku: text(line, 'sku', `line_items.${i}.`),
        name: text(line, 'name', `line_items.${i}.`),
        quantity: count,
        price: new Prisma.Decimal(money(line, 'subtotal', `line_items.${i}.`)).div(count).toFixed(2),
      };
    }),
    tax: money(o, 'total_tax', '', false),
    shipping: money(o, 'shipping_total', '', false),
    discount: money(o, 'discount_total', '', false),
    total: money(o, 'total'),
    shippingAddress,
    billingAddress,
  };
};
