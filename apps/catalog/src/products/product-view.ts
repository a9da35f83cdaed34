import { DimensionsDto, ProductStatusName, ProductView } from '@suite/contracts/catalog';

/** A row selected with PRODUCT_COLUMNS (snake_case, money already text). */
export interface ProductRow {
  id: string;
  store_id: string;
  sku: string | null;
  name: string;
  slug: string;
  description: string | null;
  price: string;
  base_price: string | null;
  compare_price: string | null;
  cost_price: string | null;
  stock: number;
  min_stock: number;
  max_cart_qty: number | null;
  weight: number | null;
  dimensions: unknown;
  images: string[];
  tags: string[];
  attributes: unknown;
  status: string;
  is_featured: boolean;
  seo_title: string | null;
  seo_description: string | null;
  rating_average: string;
  rating_count: number;
  is_deleted: boolean;
  created_at: Date;
  updated_at: Date;
  category_ids: string[];
}

export function toProductView(r: ProductRow): ProductView {
  return {
    id: r.id,
    storeId: r.store_id,
    sku: r.sku,
    name: r.name,
    slug: r.slug,
    description: r.description,
    price: r.price,
    basePrice: r.base_price,
    comparePrice: r.compare_price,
    costPrice: r.cost_price,
    stock: r.stock,
    minStock: r.min_stock,
    maxCartQty: r.max_cart_qty,
    weight: r.weight,
    dimensions: (r.dimensions as DimensionsDto | null) ?? null,
    images: r.images,
    tags: r.tags,
    attributes: (r.attributes as Record<string, unknown> | null) ?? null,
    categoryIds: [...r.category_ids].sort(),
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
    isFeatured: r.is_featured,
    status: r.status as ProductStatusName,
    ratingAverage: r.rating_average,
    ratingCount: r.rating_count,
    isDeleted: r.is_deleted,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
