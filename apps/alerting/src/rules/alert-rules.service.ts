import { Injectable } from '@nestjs/common';
import { AlertRuleListQuery, AlertRuleView, CreateAlertRuleDto, UpdateAlertRuleDto, validateCondition } from '@suite/contracts/alerting';
import { Prisma } from '@suite/db/alerting';
import { CallerIdentity, invalid, newestFirstAfter, notFound, Page, pageLimit, timeKeyOf, toPage, UnitOfWork } from '@suite/platform';
import { checkTeam, isStaff, ownedScope, requirePermission, requireSignedIn, Tx } from '../access/access';
import { toStoredRecipient } from '../alerts/notify-log';
import { toRuleView, WITH_RECIPIENTS } from './rule-view';

const ruleNotFound = () =>
  notFound('ALERTING.RULE_NOT_FOUND', 'No such alert rule.', { errors: [{ field: 'alertRuleId', messages: ['alert rule not found'] }] });

/** 400 naming the path inside the condition (`condition.all[1].op`), before anything is stored. */
function checkCondition(condition: unknown): void {
  const errors = validateCondition(condition);
  if (errors.length > 0)
    throw invalid('ALERTING.INVALID_CONDITION', `The condition is invalid: ${errors[0].field}: ${errors[0].messages[0]}`, { errors });
}

function columns(dto: UpdateAlertRuleDto) {
  const data = {
    name: dto.name,
    description: dto.description,
    category: dto.category,
    priority: dto.priority,
    eventType: dto.eventType,
    condition: dto.condition as Prisma.InputJsonValue | undefined,
    activeHours: dto.activeHours ? ({ ...dto.activeHours } as Prisma.InputJsonValue) : undefined,
    cooldownMinutes: dto.cooldownMinutes,
    isActive: dto.isActive,
    deviceId: dto.deviceId,
    sensorId: dto.sensorId,
    storeId: dto.storeId,
    teamId: dto.teamId,
    severity: dto.severity,
    tags: dto.tags,
    fingerprintFields: dto.fingerprintFields,
    groupBy: dto.groupBy,
    groupWaitSeconds: dto.groupWaitSeconds,
    groupIntervalSeconds: dto.groupIntervalSeconds,
    repeatIntervalSeconds: dto.repeatIntervalSeconds,
    escalationPolicyId: dto.escalationPolicyId,
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

/** Rules as data; soft-deleted rules stay behind their alerts. Others' rules answer 404. */
@Injectable()
export class AlertRulesService {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  list(caller: CallerIdentity, query: AlertRuleListQuery): Promise<Page<AlertRuleView>> {
    requirePermission(caller, 'alerts:read');
    const limit = pageLimit(query);
    const where: Prisma.AlertRuleWhereInput = {
      AND: [
        { isDeleted: false },
        ownedScope(caller),
        query.category ? { category: query.category } : {},
        query.eventType ? { eventType: query.eventType } : {},
        query.isActive !== undefined ? { isActive: query.isActive } : {},
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    return this.uow.run(async (tx) => {
      const rows = await tx.alertRule.findMany({
        where,
        include: WITH_RECIPIENTS,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit + 1,
      });
      return toPage(rows.map(toRuleView), limit, (r) => timeKeyOf(r.createdAt, r.id));
    });
  }

  async get(caller: CallerIdentity, id: string): Promise<AlertRuleView> {
    requirePermission(caller, 'alerts:read');
    return this.uow.run(async (tx) => toRuleView(await this.visible(tx, caller, id)));
  }

  async create(caller: CallerIdentity, dto: CreateAlertRuleDto): Promise<AlertRuleView> {
    requirePermission(caller, 'alerts:create');
    const userId = requireSignedIn(caller);
    checkCondition(dto.condition);
    checkTeam(caller, dto.teamId, 'ALERTING.TEAM_NOT_FOUND');
    return this.uow.run(async (tx) => {
      await this.checkPolicy(tx, caller, dto.escalationPolicyId);
      const row = await tx.alertRule.create({
        data: {
          ...(columns(dto) as Prisma.AlertRuleUncheckedCreateInput),
          createdBy: userId,
          ownedOnly: !isStaff(caller),
          recipients: { create: (dto.recipients ?? []).map(toStoredRecipient) },
        },
        include: WITH_RECIPIENTS,
      });
      return toRuleView(row);
    });
  }

  async update(caller: CallerIdentity, id: string, dto: UpdateAlertRuleDto): Promise<AlertRuleView> {
    requirePermission(caller, 'alerts:update');
    if (dto.condition !== undefined) checkCondition(dto.condition);
    checkTeam(caller, dto.teamId, 'ALERTING.TEAM_NOT_FOUND');
    return this.uow.run(async (tx) => {
      await this.visible(tx, caller, id);
      await this.checkPolicy(tx, caller, dto.escalationPolicyId);
      if (dto.recipients) {
        await tx.alertRuleRecipient.deleteMany({ where: { ruleId: id } });
        await tx.alertRuleRecipient.createMany({
          data: dto.recipients.map((r) => ({ ruleId: id, ...toStoredRecipient(r) })),
        });
      }
      const row = await tx.alertRule.update({
        where: { id },
        data: { ...columns(dto), updatedBy: caller.userId ?? null },
        include: WITH_RECIPIENTS,
      });
      return toRuleView(row);
    });
  }

  async remove(caller: CallerIdentity, id: string): Promise<{ deleted: true }> {
    requirePermission(caller, 'alerts:delete');
    return this.uow.run(async (tx) => {
      await this.visible(tx, caller, id);
      await tx.alertRule.update({ where: { id }, data: { isDeleted: true, isActive: false, updatedBy: caller.userId ?? null } });
      return { deleted: true as const };
    });
  }

  private async visible(tx: Tx, caller: CallerIdentity, id: string) {
    const row = await tx.alertRule.findFirst({ where: { AND: [{ id, isDeleted: false }, ownedScope(caller)] }, include: WITH_RECIPIENTS });
    if (!row) throw ruleNotFound();
    return row;
  }

  private async checkPolicy(tx: Tx, caller: CallerIdentity, policyId: string | undefined): Promise<void> {
    if (!policyId) return;
    const found = await tx.escalationPolicy.findFirst({
      where: { AND: [{ id: policyId, isDeleted: false }, ownedScope(caller)] },
      select: { id: true },
    });
    if (!found)
      throw notFound('ALERTING.ESCALATION_POLICY_NOT_FOUND', 'No such escalation policy.', {
        errors: [{ field: 'escalationPolicyId', messages: ['escalation policy not found'] }],
      });
  }
}
