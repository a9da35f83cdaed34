import { Injectable } from '@nestjs/common';
import { CatalogEvents, CreateProductDto, ProductView, UpdateProductDto } from '@suite/contracts/catalog';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import { CallerIdentity, conflict, enqueueEvent, InjectDb, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../access/access';
import { TeamAccess } from '../access/team-access';
import { announceUpdate, lockOwnedProduct, productEvent, readProduct, requireCategories } from './product-access';
import { productColumns } from './product-data';
import { isIndexViolation, slugCandidate, slugify } from './product-rules';

const SLUG_ATTEMPTS = 5;
const skuTaken = () =>
  conflict('CATALOG.SKU_TAKEN', 'Another product has this sku.', {
    errors: [{ field: 'sku', messages: ['sku is already used by another product'] }],
  });

/** Writes of products: every change and the events announcing it commit together. */
@Injectable()
export class ProductsService {
  constructor(
    @InjectDb() private readonly db: CatalogDb,
    private readonly access: TeamAccess,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  /**
   * The slug is unique: the insert itself is the check (a SELECT first would race), and on a slug
   * collision the whole transaction is retried with a suffixed slug.
   */
  async create(caller: CallerIdentity, dto: CreateProductDto): Promise<ProductView> {
    requirePermission(caller, 'products:create');
    await this.access.requireStore(caller, dto.storeId);
    const base = slugify(dto.name);
    for (let attempt = 0; ; attempt++) {
      try {
        const view = await this.uow.run(async (tx) => {
          await requireCategories(tx, dto.categoryIds);
          const data = {
            ...productColumns(dto),
            storeId: dto.storeId,
            slug: slugCandidate(base, attempt),
          } as Prisma.ProductUncheckedCreateInput;
          const created = await tx.product.create({
            data: { ...data, categories: { create: [...new Set(dto.categoryIds ?? [])].map((categoryId) => ({ categoryId })) } },
            select: { id: true },
          });
          const product = (await readProduct(tx, created.id))!;
          await enqueueEvent(tx, CatalogEvents.ProductCreated, productEvent(product));
          return product;
        });
        return view;
      } catch (error) {
        if (isIndexViolation(error, 'products_sku_key')) throw skuTaken();
        if (!isIndexViolation(error, 'products_slug_key') || attempt + 1 >= SLUG_ATTEMPTS) throw error;
      }
    }
  }

  async update(caller: CallerIdentity, productId: string, dto: UpdateProductDto): Promise<ProductView> {
    requirePermission(caller, 'products:update');
    try {
      const view = await this.uow.run(async (tx) => {
        const before = await lockOwnedProduct(tx, caller, productId);
        await requireCategories(tx, dto.categoryIds);
        await tx.product.update({ where: { id: productId }, data: productColumns(dto), select: { id: true } });
        if (dto.categoryIds) {
          await tx.productCategory.deleteMany({ where: { productId } });
          await tx.productCategory.createMany({ data: [...new Set(dto.categoryIds)].map((categoryId) => ({ productId, categoryId })) });
        }
        const after = (await readProduct(tx, productId))!;
        await announceUpdate(tx, before, after, dto.stock !== undefined || dto.minStock !== undefined);
        return after;
      });
      return view;
    } catch (error) {
      if (isIndexViolation(error, 'products_sku_key')) throw skuTaken();
      throw error;
    }
  }

  /** Soft delete: the row stays (orders and reviews refer to it), hidden from lists and the public. */
  async remove(caller: CallerIdentity, productId: string): Promise<{ deleted: true }> {
    requirePermission(caller, 'products:delete');
    await this.uow.run(async (tx) => {
      await lockOwnedProduct(tx, caller, productId);
      await tx.product.update({ where: { id: productId }, data: { isDeleted: true, deletedAt: new Date() } });
      // Carts holding it (orders) must learn it is gone.
      await enqueueEvent(tx, CatalogEvents.ProductUpdated, { ...productEvent((await readProduct(tx, productId))!), deleted: true });
    });
    return { deleted: true };
  }
}
