import { list, money, NormalisedAddress, OrderMapper, optText, quantity, text } from './normalised-order';

/** Shopify Admin REST `Order`: line_items carry unit prices; total_discounts is order-wide. */
const address = (a: unknown, field: string): NormalisedAddress => ({
  name: optText(a, 'name') ?? `${optText(a, 'first_name') ?? ''} ${text(a, 'last_name', `${field}.`)}`.trim(),
  company: optText(a, 'company'),
  street1: text(a, 'address1', `${field}.`),
  street2: optText(a, 'address2'),
  city: text(a, 'city', `${field}.`),
  state: optText(a, 'province_code') ?? optText(a, 'province') ?? '',
  postalCode: text(a, 'zip', `${field}.`),
  country: text(a, 'country_code', `${field}.`),
  phone: optText(a, 'phone'),
});

export const mapShopifyOrder: OrderMapper = (o) => {
  const shippingAddress = address(o.shipping_address, 'shipping_address');
  return {
    platformOrderId: text(o, 'id'),
    currency: text(o, 'currency'),
    placedAt: new Date(text(o, 'processed_at')),
    buyer: { email: optText(o, 'email') ?? optText(o, 'customer.email'), name: shippingAddress.name },
    items: list(o, 'line_items').map((item, i) => ({
      sku: text(item, 'sku', `line_items.${i}.`),
      name: optText(item, 'name') ?? text(item, 'title', `line_items.${i}.`),
      quantity: quantity(item, 'quantity', `line_items.${i}.`),
      price: money(item, 'price', `line_items.${i}.`),
    })),
    tax: money(o, 'total_tax', '', false),
    shipping: money(o, 'total_shipping_price_set.shop_money.amount', '', false),
    discount: money(o, 'total_discounts', '', false),
    total: money(o, 'total_price'),
    shippingAddress,
    billingAddress: o.billing_address ? address(o.billing_address, 'billing_address') : shippingAddress,
  };
};
