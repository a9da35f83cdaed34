import { Injectable } from '@nestjs/common';
import { FulfillmentFilter, FulfillmentHoldView, FulfillmentView, RoutingDecisionView } from '@suite/contracts/fulfillment';
import { FulfillmentDb, Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, InjectDb, newestFirstAfter, Page, pageLimit, PageQuery, timeKeyOf, toPage } from '@suite/platform';
import { requirePermission } from '../access/access';
import { fulfillmentNotFound, readScope } from './fulfillment-scope';
import { toDecisionView, toFulfillmentView, toHoldView, WITH_ITEMS_AND_OPEN_HOLDS } from './fulfillment-view';

/** The read side of fulfillments: lists, one, its routing explanation and its holds. */
@Injectable()
export class FulfillmentsService {
  constructor(@InjectDb() private readonly db: FulfillmentDb) {}

  async list(caller: CallerIdentity, query: FulfillmentFilter & PageQuery): Promise<Page<FulfillmentView>> {
    requirePermission(caller, 'fulfillments:read');
    const limit = pageLimit(query);
    const where: Prisma.FulfillmentWhereInput = {
      AND: [
        readScope(caller),
        {
          ...(query.orderId ? { orderId: query.orderId } : {}),
          ...(query.factoryId ? { factoryId: query.factoryId } : {}),
          ...(query.status ? { status: query.status } : {}),
        },
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    const rows = await this.db.fulfillment.findMany({
      where,
      include: WITH_ITEMS_AND_OPEN_HOLDS,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toPage(rows.map(toFulfillmentView), limit, (f) => timeKeyOf(f.createdAt, f.id));
  }

  async get(caller: CallerIdentity, id: string): Promise<FulfillmentView> {
    requirePermission(caller, 'fulfillments:read');
    const row = await this.db.fulfillment.findFirst({ where: { id, ...readScope(caller) }, include: WITH_ITEMS_AND_OPEN_HOLDS });
    if (!row) throw fulfillmentNotFound();
    return toFulfillmentView(row);
  }

  async routing(caller: CallerIdentity, id: string): Promise<RoutingDecisionView[]> {
    requirePermission(caller, 'fulfillments:read');
    await this.visible(caller, id);
    const decisions = await this.db.routingDecision.findMany({
      where: { fulfillmentId: id },
      orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
    });
    const ruleIds = [...new Set(decisions.map((d) => d.ruleId).filter((r): r is string => !!r))];
    const rules = await this.db.routingRule.findMany({ where: { id: { in: ruleIds } }, select: { id: true, name: true } });
    const names = new Map(rules.map((r) => [r.id, r.name]));
    return decisions.map((d) => toDecisionView(d, names));
  }

  async holds(caller: CallerIdentity, id: string): Promise<FulfillmentHoldView[]> {
    requirePermission(caller, 'fulfillments:read');
    await this.visible(caller, id);
    const holds = await this.db.fulfillmentHold.findMany({ where: { fulfillmentId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return holds.map(toHoldView);
  }

  private async visible(caller: CallerIdentity, id: string): Promise<void> {
    const found = await this.db.fulfillment.findFirst({ where: { id, ...readScope(caller) }, select: { id: true } });
    if (!found) throw fulfillmentNotFound();
  }
}
