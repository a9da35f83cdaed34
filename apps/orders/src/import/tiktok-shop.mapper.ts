import { badField, list, money, NormalisedAddress, NormalisedItem, OrderMapper, optText, sum, text } from './normalised-order';

/**
 * TikTok Shop Open API "Get Order Detail" (the whole response, or one of its data.orders). Its
 * line_items are one per unit, so units of the same seller SKU are counted into one item.
 */
const address = (a: unknown): NormalisedAddress => {
  const districts = Array.isArray((a as { district_info?: unknown })?.district_info)
    ? (a as { district_info: Record<string, unknown>[] }).district_info
    : [];
  const level = (l: string) => (districts.find((d) => d.address_level === l)?.address_name as string | undefined) ?? null;
  return {
    name: text(a, 'name', 'recipient_address.'),
    company: null,
    street1: text(a, 'address_line1', 'recipient_address.'),
    street2: optText(a, 'address_line2'),
    city: level('L3') ?? level('L2') ?? '',
    state: level('L1') ?? '',
    postalCode: text(a, 'postal_code', 'recipient_address.'),
    country: text(a, 'region_code', 'recipient_address.'),
    phone: optText(a, 'phone_number'),
  };
};

export const mapTikTokShopOrder: OrderMapper = (payload) => {
  const orders = (payload as { data?: { orders?: unknown } }).data?.orders;
  if (orders !== undefined && (!Array.isArray(orders) || orders.length !== 1)) throw badField('data.orders', 'must hold exactly one order');
  const o = (orders ? orders[0] : payload) as Record<string, unknown>;
  const items = new Map<string, NormalisedItem>();
  list(o, 'line_items').forEach((line, i) => {
    const sku = text(line, 'seller_sku', `line_items.${i}.`);
    const known = items.get(sku);
    if (known) known.quantity += 1;
    else
      items.set(sku, {
        sku,
        name: text(line, 'product_name', `line_items.${i}.`),
        quantity: 1,
        price: money(line, 'original_price', `line_items.${i}.`),
      });
  });
  const shippingAddress = address(o.recipient_address);
  return {
    platformOrderId: text(o, 'id'),
    currency: text(o, 'payment.currency'),
    placedAt: new Date(Number(text(o, 'create_time')) * 1000),
    buyer: { email: optText(o, 'buyer_email'), name: shippingAddress.name },
    items: [...items.values()],
    tax: money(o, 'payment.tax', '', false),
    shipping: money(o, 'payment.shipping_fee', '', false),
    discount: sum([money(o, 'payment.seller_discount', '', false), money(o, 'payment.platform_discount', '', false)]),
    total: money(o, 'payment.total_amount'),
    shippingAddress,
    billingAddress: shippingAddress,
  };
};
