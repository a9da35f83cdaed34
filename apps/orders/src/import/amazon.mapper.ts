import { Prisma } from '@suite/db/orders';
import { list, money, NormalisedAddress, OrderMapper, optText, quantity, sum, text } from './normalised-order';

/**
 * Amazon SP-API: `{ Order, OrderItems }` as getOrder and getOrderItems return them. ItemPrice is
 * the line's total (unit price x quantity); taxes, shipping and promotions are per item.
 * Amazon does not share the billing address, so the shipping address stands in for it.
 */
export const mapAmazonOrder: OrderMapper = (payload) => {
  const o = payload.Order;
  const a = (o as Record<string, unknown> | undefined)?.ShippingAddress;
  const address: NormalisedAddress = {
    name: text(a, 'Name', 'Order.ShippingAddress.'),
    company: null,
    street1: text(a, 'AddressLine1', 'Order.ShippingAddress.'),
    street2: optText(a, 'AddressLine2'),
    city: text(a, 'City', 'Order.ShippingAddress.'),
    state: optText(a, 'StateOrRegion') ?? '',
    postalCode: text(a, 'PostalCode', 'Order.ShippingAddress.'),
    country: text(a, 'CountryCode', 'Order.ShippingAddress.'),
    phone: optText(a, 'Phone'),
  };
  const lines = list(payload, 'OrderItems');
  const each = (path: string) => lines.map((line, i) => money(line, path, `OrderItems.${i}.`, false));
  return {
    platformOrderId: text(o, 'AmazonOrderId', 'Order.'),
    currency: text(o, 'OrderTotal.CurrencyCode', 'Order.'),
    placedAt: new Date(text(o, 'PurchaseDate', 'Order.')),
    buyer: { email: optText(o, 'BuyerInfo.BuyerEmail'), name: address.name },
    items: lines.map((line, i) => {
      const count = quantity(line, 'QuantityOrdered', `OrderItems.${i}.`);
      return {
        sku: text(line, 'SellerSKU', `OrderItems.${i}.`),
        name: text(line, 'Title', `OrderItems.${i}.`),
        quantity: count,
        price: new Prisma.Decimal(money(line, 'ItemPrice.Amount', `OrderItems.${i}.`)).div(count).toFixed(2),
      };
    }),
    tax: sum([...each('ItemTax.Amount'), ...each('ShippingTax.Amount')]),
    shipping: sum(each('ShippingPrice.Amount')),
    discount: sum([...each('PromotionDiscount.Amount'), ...each('ShippingDiscount.Amount')]),
    total: money(o, 'OrderTotal.Amount', 'Order.'),
    shippingAddress: address,
    billingAddress: address,
  };
};
