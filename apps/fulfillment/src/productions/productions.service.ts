import { Injectable } from '@nestjs/common';
import {
  ProductionDetailView,
  ProductionFilter,
  ProductionTimelineView,
  ProductionView,
  QualityCheckView,
} from '@suite/contracts/fulfillment';
import { FulfillmentDb, Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, InjectDb, newestFirstAfter, Page, pageLimit, PageQuery, timeKeyOf, toPage } from '@suite/platform';
import { requirePermission } from '../access/access';
import { factoryScope } from '../access/factory-access';
import { DETAIL, productionNotFound, toDetailView, toProductionView, toQualityCheckView } from './production-view';

type Tx = Prisma.TransactionClient;

/** A batch the caller may see (staff: any; a FULFILLER: their linked factories'), 404 otherwise. */
export async function visibleProduction(db: Tx | FulfillmentDb, caller: CallerIdentity, productionId: string) {
  const row = await db.production.findFirst({ where: { id: productionId, factory: factoryScope(caller) } });
  if (!row) throw productionNotFound();
  return row;
}

export async function productionDetail(db: Tx | FulfillmentDb, productionId: string): Promise<ProductionDetailView> {
  return toDetailView(await db.production.findUniqueOrThrow({ where: { id: productionId }, include: DETAIL }));
}

/** The read side of production batches. */
@Injectable()
export class ProductionsService {
  constructor(@InjectDb() private readonly db: FulfillmentDb) {}

  async list(caller: CallerIdentity, query: ProductionFilter & PageQuery): Promise<Page<ProductionView>> {
    requirePermission(caller, 'fulfillments:read');
    const limit = pageLimit(query);
    const where: Prisma.ProductionWhereInput = {
      AND: [
        { factory: factoryScope(caller) },
        query.factoryId ? { factoryId: query.factoryId } : {},
        query.status ? { status: query.status } : {},
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    const rows = await this.db.production.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toProductionView), limit, (p) => timeKeyOf(p.createdAt, p.id));
  }

  async get(caller: CallerIdentity, productionId: string): Promise<ProductionDetailView> {
    requirePermission(caller, 'fulfillments:read');
    await visibleProduction(this.db, caller, productionId);
    return productionDetail(this.db, productionId);
  }

  /** Planned, started, completed; a cancelled batch's cancellation is its last change (nothing changes it after). */
  async timeline(caller: CallerIdentity, productionId: string): Promise<ProductionTimelineView> {
    requirePermission(caller, 'fulfillments:read');
    const p = await visibleProduction(this.db, caller, productionId);
    const steps: ProductionTimelineView['steps'] = [];
    steps.push({ status: 'PLANNED', at: (p.plannedAt ?? p.createdAt).toISOString() });
    if (p.startedAt) steps.push({ status: 'IN_PROGRESS', at: p.startedAt.toISOString() });
    if (p.completedAt) steps.push({ status: 'COMPLETED', at: p.completedAt.toISOString() });
    if (p.status === 'CANCELLED') steps.push({ status: 'CANCELLED', at: p.updatedAt.toISOString() });
    return { productionId: p.id, status: p.status, steps };
  }

  async qualityChecks(caller: CallerIdentity, productionId: string): Promise<QualityCheckView[]> {
    requirePermission(caller, 'fulfillments:read');
    await visibleProduction(this.db, caller, productionId);
    const rows = await this.db.qualityCheck.findMany({ where: { productionId }, orderBy: [{ checkedAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toQualityCheckView);
  }
}
