import { Injectable } from '@nestjs/common';
import { ProductListRequest, ProductSearchPage, ProductView } from '@suite/contracts/catalog';
import { CatalogDb } from '@suite/db/catalog';
import { CallerIdentity, InjectDb, pageLimit } from '@suite/platform';
import { isStaff } from '../access/access';
import { canUseTeam } from '../access/team-access';
import { productNotFound, readProduct } from './product-access';
import { cursorOf, productCountSql, productListSql, Visibility } from './product-query';
import { SearchLog } from './search-log';
import { ProductRow, toProductView } from './product-view';

/** Storefront reads: public, but a signed-in caller's teams also see their own unpublished products. */
@Injectable()
export class ProductReadsService {
  constructor(
    @InjectDb() private readonly db: CatalogDb,
    private readonly searchLog: SearchLog,
  ) {}

  async get(caller: CallerIdentity, productId: string): Promise<ProductView> {
    const product = await readProduct(this.db, productId);
    if (!product) throw productNotFound();
    if (product.status === 'ACTIVE' && !product.isDeleted) return product;
    // Unpublished or deleted: only its own team (or an operator) learns that it exists.
    const store = await this.db.store.findUnique({ where: { id: product.storeId }, select: { teamId: true } });
    if (!store || !canUseTeam(caller, store.teamId)) throw productNotFound();
    return product;
  }

  /** A `search` is also logged (SearchLog in analytics) and answers the log's id, for the click endpoint. */
  async list(caller: CallerIdentity, { client, ...query }: ProductListRequest): Promise<ProductSearchPage> {
    const started = performance.now();
    const limit = pageLimit(query);
    const visibility: Visibility = isStaff(caller) ? { all: true } : { teamIds: caller.teamIds };
    const { sql, params } = productListSql(query, visibility, limit);
    const rows = await this.db.$queryRawUnsafe<ProductRow[]>(sql, ...params);
    const took = Math.round(performance.now() - started);
    const sort = query.sort ?? 'newest';
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const page: ProductSearchPage = {
      items: items.map(toProductView),
      nextCursor: rows.length > limit && last ? cursorOf(sort, last) : null,
    };
    const countAll = rows.length > limit ? (cap: number) => this.count(query, visibility, cap) : null;
    const searchLogId = await this.searchLog.record({ caller, query, client, pageCount: items.length, countAll, took });
    return searchLogId ? { ...page, searchLogId } : page;
  }

  private async count(query: ProductListRequest, visibility: Visibility, cap: number): Promise<number> {
    const { sql, params } = productCountSql(query, visibility, cap);
    const [row] = await this.db.$queryRawUnsafe<{ count: number }[]>(sql, ...params);
    return row?.count ?? 0;
  }
}
