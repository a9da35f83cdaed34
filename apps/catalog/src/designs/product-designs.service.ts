import { Injectable } from '@nestjs/common';
import { LinkProductDesignDto, ProductDesignView } from '@suite/contracts/catalog';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import { CallerIdentity, conflict, InjectDb, notFound } from '@suite/platform';
import { teamScope } from '../access/team-access';
import { requirePermission } from '../access/access';
import { designNotFound, toProductDesignView } from './design-view';

type Db = CatalogDb | Prisma.TransactionClient;
const productNotFound = () => notFound('CATALOG.PRODUCT_NOT_FOUND', 'No such product.');

/**
 * Designs printed on a product. The product and the design must belong to the same team: anything
 * else is the same 404 as a missing one. A product with links always has exactly one default.
 */
@Injectable()
export class ProductDesignsService {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  async link(caller: CallerIdentity, productId: string, dto: LinkProductDesignDto): Promise<ProductDesignView> {
    requirePermission(caller, 'products:update');
    return this.db.$transaction(async (tx) => {
      const product = await this.lockOwnedProduct(tx, caller, productId);
      const design = await tx.design.findFirst({
        where: { id: dto.designId, teamId: product.teamId, ...teamScope(caller) },
        select: { id: true },
      });
      if (!design) throw designNotFound();
      if (
        await tx.productDesign.findUnique({ where: { productId_designId: { productId, designId: dto.designId } }, select: { id: true } })
      ) {
        throw conflict('CATALOG.DESIGN_ALREADY_LINKED', 'This design is already on the product.', { designId: dto.designId });
      }
      const hasDefault = (await tx.productDesign.count({ where: { productId, isDefault: true } })) > 0;
      const isDefault = dto.isDefault === true || !hasDefault; // the first design is the default
      if (isDefault && hasDefault) await tx.productDesign.updateMany({ where: { productId, isDefault: true }, data: { isDefault: false } });
      const link = await tx.productDesign.create({
        data: {
          productId,
          designId: dto.designId,
          isDefault,
          placementSettings: (dto.placementSettings ?? undefined) as Prisma.InputJsonValue | undefined,
        },
      });
      return toProductDesignView(link);
    });
  }

  async list(caller: CallerIdentity, productId: string): Promise<ProductDesignView[]> {
    requirePermission(caller, 'products:read');
    await this.ownedProduct(this.db, caller, productId);
    const links = await this.db.productDesign.findMany({ where: { productId }, orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }] });
    return links.map(toProductDesignView);
  }

  /** Removing the default promotes the oldest remaining link, so the product keeps exactly one. */
  async unlink(caller: CallerIdentity, productId: string, designId: string): Promise<{ deleted: true }> {
    requirePermission(caller, 'products:update');
    await this.db.$transaction(async (tx) => {
      await this.lockOwnedProduct(tx, caller, productId);
      const link = await tx.productDesign.findUnique({ where: { productId_designId: { productId, designId } } });
      if (!link) throw designNotFound();
      await tx.productDesign.delete({ where: { id: link.id } });
      if (link.isDefault) {
        const next = await tx.productDesign.findFirst({
          where: { productId },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { id: true },
        });
        if (next) await tx.productDesign.update({ where: { id: next.id }, data: { isDefault: true } });
      }
    });
    return { deleted: true };
  }

  private async ownedProduct(db: Db, caller: CallerIdentity, productId: string): Promise<{ id: string; teamId: string }> {
    const product = await db.product.findFirst({
      where: { id: productId, isDeleted: false, store: teamScope(caller) },
      select: { id: true, store: { select: { teamId: true } } },
    });
    if (!product) throw productNotFound();
    return { id: product.id, teamId: product.store.teamId };
  }

  /** Locks the product row so concurrent link changes of one product take turns (one default). */
  private async lockOwnedProduct(
    tx: Prisma.TransactionClient,
    caller: CallerIdentity,
    productId: string,
  ): Promise<{ id: string; teamId: string }> {
    const product = await this.ownedProduct(tx, caller, productId);
    await tx.$queryRaw`SELECT id FROM products WHERE id = ${productId}::uuid FOR UPDATE`;
    return product;
  }
}
