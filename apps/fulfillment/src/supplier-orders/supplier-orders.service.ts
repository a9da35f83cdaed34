import { Injectable } from '@nestjs/common';
import { SupplierOrderFilter, SupplierOrderView } from '@suite/contracts/fulfillment';
import { FulfillmentDb, Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, InjectDb, newestFirstAfter, Page, pageLimit, PageQuery, timeKeyOf, toPage } from '@suite/platform';
import { requirePermission } from '../access/access';
import { factoryScope } from '../access/factory-access';
import { supplierOrderNotFound, toSupplierOrderView } from './supplier-order-rules';

/** Reads: staff see every supplier order, a factory's FULFILLER users their own factories' only (others' are 404). */
@Injectable()
export class SupplierOrdersService {
  constructor(@InjectDb() private readonly db: FulfillmentDb) {}

  async list(caller: CallerIdentity, query: SupplierOrderFilter & PageQuery): Promise<Page<SupplierOrderView>> {
    requirePermission(caller, 'fulfillments:read');
    const limit = pageLimit(query);
    const where: Prisma.SupplierOrderWhereInput = {
      factory: factoryScope(caller),
      ...(query.factoryId ? { factoryId: query.factoryId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.fulfillmentId ? { fulfillmentId: query.fulfillmentId } : {}),
      ...newestFirstAfter(query.cursor),
    };
    const rows = await this.db.supplierOrder.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toSupplierOrderView), limit, (v) => timeKeyOf(v.createdAt, v.id));
  }

  async get(caller: CallerIdentity, id: string): Promise<SupplierOrderView> {
    requirePermission(caller, 'fulfillments:read');
    const row = await this.db.supplierOrder.findFirst({ where: { id, factory: factoryScope(caller) } });
    if (!row) throw supplierOrderNotFound();
    return toSupplierOrderView(row);
  }
}
