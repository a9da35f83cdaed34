import { Injectable } from '@nestjs/common';
import {
  CreateRoutingRuleDto,
  RoutingFallback,
  RoutingFiltersView,
  RoutingRuleFilter,
  RoutingRuleView,
  RoutingSort,
  UpdateRoutingRuleDto,
} from '@suite/contracts/fulfillment';
import { FulfillmentDb, Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, InjectDb, notFound, Page, pageLimit, PageQuery, toPage } from '@suite/platform';
import { requirePermission } from '../access/access';
import { ruleKeyOf, rulesAfter } from './routing-rule-cursor';

type Row = Prisma.RoutingRuleGetPayload<object>;
const RULE_ORDER: Prisma.RoutingRuleOrderByWithRelationInput[] = [{ priority: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }];

const ruleNotFound = () =>
  notFound('FULFILLMENT.ROUTING_RULE_NOT_FOUND', 'No such routing rule.', {
    errors: [{ field: 'routingRuleId', messages: ['routing rule not found'] }],
  });
const knownError = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;

const toView = (r: Row): RoutingRuleView => ({
  id: r.id,
  name: r.name,
  priority: r.priority,
  isActive: r.isActive,
  filters: (r.filters ?? {}) as RoutingFiltersView,
  sort: r.sort as RoutingSort[],
  fallback: r.fallback as RoutingFallback,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Only the keys given are stored: an absent filter key means "does not narrow", which the routing reads as such. */
const filtersJson = (filters: object): Prisma.InputJsonValue =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null)) as Prisma.InputJsonValue;

function columns(dto: UpdateRoutingRuleDto): Prisma.RoutingRuleUpdateInput {
  const data = {
    name: dto.name,
    priority: dto.priority,
    isActive: dto.isActive,
    filters: dto.filters == null ? undefined : filtersJson(dto.filters),
    sort: dto.sort ?? undefined,
    fallback: dto.fallback,
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== null));
}

/**
 * Routing rules as data, tried by routing in priority order. Priorities need not be unique: equal
 * priorities run in creation order, so inserting a rule never forces renumbering the others.
 */
@Injectable()
export class RoutingRulesService {
  constructor(@InjectDb() private readonly db: FulfillmentDb) {}

  async list(caller: CallerIdentity, query: RoutingRuleFilter & PageQuery): Promise<Page<RoutingRuleView>> {
    requirePermission(caller, 'factories:read');
    const limit = pageLimit(query);
    const where: Prisma.RoutingRuleWhereInput = {
      ...(query.isActive !== undefined ? { isActive: query.isActive } : {}),
      ...rulesAfter(query.cursor),
    };
    const rows = await this.db.routingRule.findMany({ where, orderBy: RULE_ORDER, take: limit + 1 });
    return toPage(rows.map(toView), limit, ruleKeyOf);
  }

  async get(caller: CallerIdentity, id: string): Promise<RoutingRuleView> {
    requirePermission(caller, 'factories:read');
    const row = await this.db.routingRule.findUnique({ where: { id } });
    if (!row) throw ruleNotFound();
    return toView(row);
  }

  async create(caller: CallerIdentity, dto: CreateRoutingRuleDto): Promise<RoutingRuleView> {
    requirePermission(caller, 'factories:create');
    const data = {
      ...columns(dto),
      name: dto.name,
      priority: dto.priority,
      filters: filtersJson(dto.filters ?? {}),
    } as Prisma.RoutingRuleCreateInput;
    return toView(await this.db.routingRule.create({ data }));
  }

  async update(caller: CallerIdentity, id: string, dto: UpdateRoutingRuleDto): Promise<RoutingRuleView> {
    requirePermission(caller, 'factories:update');
    try {
      return toView(await this.db.routingRule.update({ where: { id }, data: columns(dto) }));
    } catch (error) {
      if (knownError(error, 'P2025')) throw ruleNotFound();
      throw error;
    }
  }

  async remove(caller: CallerIdentity, id: string): Promise<{ deleted: true }> {
    requirePermission(caller, 'factories:delete');
    try {
      await this.db.routingRule.delete({ where: { id } });
    } catch (error) {
      if (knownError(error, 'P2025')) throw ruleNotFound();
      throw error;
    }
    return { deleted: true };
  }
}
