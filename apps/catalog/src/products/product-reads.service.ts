import { Injectable } from '@nestjs/common';
import { ProductListQuery, ProductView } from '@suite/contracts/catalog';
import { CatalogDb } from '@suite/db/catalog';
import { CallerIdentity, InjectDb, Page, pageLimit } from '@suite/platform';
import { isStaff } from '../access/access';
import { canUseTeam } from '../access/team-access';
import { productNotFound, readProduct } from './product-access';
import { cursorOf, productListSql, Visibility } from './product-query';
import { ProductRow, toProductView } from './product-view';

/** Storefront reads: public, but a signed-in caller's teams also see their own unpublished products. */
@Injectable()
export class ProductReadsService {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  async get(caller: CallerIdentity, productId: string): Promise<ProductView> {
    const product = await readProduct(this.db, productId);
    if (!product) throw productNotFound();
    if (product.status === 'ACTIVE' && !product.isDeleted) return product;
    // Unpublished or deleted: only its own team (or an operator) learns that it exists.
    const store = await this.db.store.findUnique({ where: { id: product.storeId }, select: { teamId: true } });
    if (!store || !canUseTeam(caller, store.teamId)) throw productNotFound();
    return product;
  }

  async list(caller: CallerIdentity, query: ProductListQuery): Promise<Page<ProductView>> {
    const limit = pageLimit(query);
    const visibility: Visibility = isStaff(caller) ? { all: true } : { teamIds: caller.teamIds };
    const { sql, params } = productListSql(query, visibility, limit);
    const rows = await this.db.$queryRawUnsafe<ProductRow[]>(sql, ...params);
    const sort = query.sort ?? 'newest';
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toProductView), nextCursor: rows.length > limit && last ? cursorOf(sort, last) : null };
  }
}
