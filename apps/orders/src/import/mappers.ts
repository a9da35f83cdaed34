import { mapAmazonOrder } from './amazon.mapper';
import { mapEtsyReceipt } from './etsy.mapper';
import { OrderMapper } from './normalised-order';
import { mapShopifyOrder } from './shopify.mapper';
import { mapTikTokShopOrder } from './tiktok-shop.mapper';
import { mapWooCommerceOrder } from './woocommerce.mapper';

/** One mapper per store platform (catalog's Platform enum, also the order's channel). */
export const MAPPERS: Record<string, OrderMapper> = {
  TIKTOK_SHOP: mapTikTokShopOrder,
  SHOPIFY: mapShopifyOrder,
  ETSY: mapEtsyReceipt,
  AMAZON: mapAmazonOrder,
  WOOCOMMERCE: mapWooCommerceOrder,
};
