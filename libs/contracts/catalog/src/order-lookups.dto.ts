import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength } from 'class-validator';

/** Orders -> catalog on `catalog.store.ids-for-teams`: which stores these teams own (order visibility, imports). */
export class StoreIdsForTeamsRequest {
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) teamIds: string[];
}

export interface StoreIdsForTeamsResponse {
  storeIds: string[];
  /** the store's selling platform (TIKTOK_SHOP, SHOPIFY, ETSY, AMAZON, WOOCOMMERCE) */
  platforms: Record<string, string>;
  /** storeId -> the team owning it */
  teams?: Record<string, string>;
}

/** Orders -> catalog on `catalog.product.by-skus`: the store's live products with these SKUs (marketplace imports). */
export class ProductsBySkusRequest {
  @IsUUID() storeId: string;
  @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(100, { each: true }) skus: string[];
}

export interface SkuProduct {
  id: string;
  /** the SKU asked for: the product's SKU, or the code of one of its system variants */
  sku: string;
  name: string;
  price: string;
  /** set when the SKU is a system variant's code */
  systemVariantId?: string | null;
  systemVariantCode?: string | null;
  /** the product's design (its default one, else the first linked) */
  designId?: string | null;
}

export interface ProductsBySkusResponse {
  products: SkuProduct[];
}
