import { Injectable } from '@nestjs/common';
import { CreateSystemVariantDto, SystemVariantView, UpdateSystemVariantDto } from '@suite/contracts/catalog';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import { CallerIdentity, InjectDb, notFound } from '@suite/platform';
import { requirePermission } from '../access/access';
import { lockOwnedProduct } from '../products/product-access';
import { ProductReadsService } from '../products/product-reads.service';
import { isIndexViolation, money, randomCode } from '../products/product-rules';

/** 31^5 (28 million) codes: a collision is rare, ten in a row means something else is wrong. */
const CODE_ATTEMPTS = 10;
const variantNotFound = () => notFound('CATALOG.VARIANT_NOT_FOUND', 'No such variant.');

type VariantRow = Prisma.SystemVariantGetPayload<object>;
const toView = (v: VariantRow): SystemVariantView => ({
  id: v.id,
  code: v.code,
  productId: v.productId,
  size: v.size,
  color: v.color,
  material: v.material,
  style: v.style,
  attributes: (v.attributes as Record<string, unknown> | null) ?? null,
  price: money(v.price)!,
  costPrice: money(v.costPrice),
  stock: v.stock,
  isActive: v.isActive,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});

function columns(dto: UpdateSystemVariantDto): Prisma.SystemVariantUncheckedUpdateInput {
  const data = {
    size: dto.size,
    color: dto.color,
    material: dto.material,
    style: dto.style,
    attributes: dto.attributes as Prisma.InputJsonValue | undefined,
    price: dto.price === undefined ? undefined : String(dto.price),
    costPrice: dto.costPrice === undefined ? undefined : String(dto.costPrice),
    stock: dto.stock,
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

/** System variants of a product, each with a random 5-character code unique across the catalog. */
@Injectable()
export class VariantsService {
  constructor(
    @InjectDb() private readonly db: CatalogDb,
    private readonly reads: ProductReadsService,
  ) {}

  /** The unique index decides: insert a random code and draw again on a violation (a check first would race). */
  async create(caller: CallerIdentity, productId: string, dto: CreateSystemVariantDto): Promise<SystemVariantView> {
    requirePermission(caller, 'products:update');
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.$transaction(async (tx) => {
          await lockOwnedProduct(tx, caller, productId, 'SHARE');
          const data = { ...columns(dto), productId, code: randomCode() } as Prisma.SystemVariantUncheckedCreateInput;
          return toView(await tx.systemVariant.create({ data }));
        });
      } catch (error) {
        if (!isIndexViolation(error, 'system_variants_code_key') || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  /** Whoever may see the product sees its variants. */
  async list(caller: CallerIdentity, productId: string): Promise<SystemVariantView[]> {
    await this.reads.get(caller, productId);
    const rows = await this.db.systemVariant.findMany({ where: { productId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toView);
  }

  async update(caller: CallerIdentity, productId: string, variantId: string, dto: UpdateSystemVariantDto): Promise<SystemVariantView> {
    requirePermission(caller, 'products:update');
    return this.db.$transaction(async (tx) => {
      await lockOwnedProduct(tx, caller, productId);
      const updated = await tx.systemVariant.updateMany({ where: { id: variantId, productId }, data: columns(dto) });
      if (updated.count === 0) throw variantNotFound();
      return toView((await tx.systemVariant.findUnique({ where: { id: variantId } }))!);
    });
  }

  async remove(caller: CallerIdentity, productId: string, variantId: string): Promise<{ deleted: true }> {
    requirePermission(caller, 'products:update');
    await this.db.$transaction(async (tx) => {
      await lockOwnedProduct(tx, caller, productId);
      const deleted = await tx.systemVariant.deleteMany({ where: { id: variantId, productId } });
      if (deleted.count === 0) throw variantNotFound();
    });
    return { deleted: true };
  }
}
