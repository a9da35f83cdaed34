import { UpdateProductDto } from '@suite/contracts/catalog';
import { Prisma } from '@suite/db/catalog';

const moneyOf = (v: string | number | undefined) => (v === undefined ? undefined : String(v));

/**
 * The columns a create or update writes: only the fields present in the request (an update leaves
 * the others alone). Money goes to Decimal as text, exactly as sent and validated.
 */
export function productColumns(dto: UpdateProductDto): Prisma.ProductUncheckedUpdateInput {
  const data: Prisma.ProductUncheckedUpdateInput = {
    name: dto.name,
    sku: dto.sku,
    description: dto.description,
    price: moneyOf(dto.price),
    basePrice: moneyOf(dto.basePrice),
    comparePrice: moneyOf(dto.comparePrice),
    costPrice: moneyOf(dto.costPrice),
    stock: dto.stock,
    minStock: dto.minStock,
    maxCartQty: dto.maxCartQty,
    weight: dto.weight,
    dimensions: dto.dimensions ? { length: dto.dimensions.length, width: dto.dimensions.width, height: dto.dimensions.height } : undefined,
    images: dto.images,
    tags: dto.tags,
    attributes: dto.attributes as Prisma.InputJsonValue | undefined,
    seoTitle: dto.seoTitle,
    seoDescription: dto.seoDescription,
    isFeatured: dto.isFeatured,
    status: dto.status,
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as Prisma.ProductUncheckedUpdateInput;
}
