import { Injectable } from '@nestjs/common';
import { FactoryFilter, FactoryLocationView, FactoryUserView, FactoryView } from '@suite/contracts/fulfillment';
import { FulfillmentDb, Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, InjectDb, newestFirstAfter, Page, pageLimit, PageQuery, timeKeyOf, toPage } from '@suite/platform';
import { requirePermission } from '../access/access';
import { FactoryAccess, factoryScope } from '../access/factory-access';
import { toFactoryUserView, toFactoryView, toLocationView } from './factory-view';

/** The read side of factories: what the caller may see (staff everything, a FULFILLER their linked factories). */
@Injectable()
export class FactoriesService {
  constructor(
    @InjectDb() private readonly db: FulfillmentDb,
    private readonly access: FactoryAccess,
  ) {}

  async list(caller: CallerIdentity, query: FactoryFilter & PageQuery): Promise<Page<FactoryView>> {
    requirePermission(caller, 'factories:read');
    const limit = pageLimit(query);
    const where: Prisma.FactoryWhereInput = {
      AND: [
        factoryScope(caller),
        query.supplierType ? { supplierType: query.supplierType } : {},
        query.isActive !== undefined ? { isActive: query.isActive } : {},
        query.capability ? { capabilities: { has: query.capability } } : {},
        query.printMethod ? { printMethods: { has: query.printMethod } } : {},
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    const rows = await this.db.factory.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toFactoryView), limit, (f) => timeKeyOf(f.createdAt, f.id));
  }

  async get(caller: CallerIdentity, factoryId: string): Promise<FactoryView> {
    requirePermission(caller, 'factories:read');
    return toFactoryView(await this.access.visibleFactory(caller, factoryId));
  }

  /** The default first, then oldest first. */
  async locations(caller: CallerIdentity, factoryId: string): Promise<FactoryLocationView[]> {
    requirePermission(caller, 'factories:read');
    await this.access.visibleFactory(caller, factoryId);
    const rows = await this.db.factoryLocation.findMany({
      where: { factoryId },
      orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toLocationView);
  }

  async users(caller: CallerIdentity, factoryId: string): Promise<FactoryUserView[]> {
    requirePermission(caller, 'factories:read');
    await this.access.visibleFactory(caller, factoryId);
    const rows = await this.db.factoryUser.findMany({ where: { factoryId }, orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }] });
    return rows.map(toFactoryUserView);
  }
}
