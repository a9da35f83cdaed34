import { Injectable } from '@nestjs/common';
import {
  CreateEscalationPolicyDto,
  EscalationPolicyListQuery,
  EscalationPolicyView,
  UpdateEscalationPolicyDto,
} from '@suite/contracts/alerting';
import { Prisma } from '@suite/db/alerting';
import { CallerIdentity, newestFirstAfter, notFound, Page, pageLimit, timeKeyOf, toPage, UnitOfWork } from '@suite/platform';
import { checkTeam, ownedScope, requirePermission, requireSignedIn, Tx } from '../access/access';
import { stepsOf } from '../alerts/escalation';
import { toStoredRecipient } from '../alerts/notify-log';
import { recipientView } from '../rules/rule-view';

type Row = Prisma.EscalationPolicyGetPayload<object>;

const policyNotFound = () =>
  notFound('ALERTING.ESCALATION_POLICY_NOT_FOUND', 'No such escalation policy.', {
    errors: [{ field: 'escalationPolicyId', messages: ['escalation policy not found'] }],
  });

const toView = (p: Row): EscalationPolicyView => ({
  id: p.id,
  name: p.name,
  description: p.description,
  steps: stepsOf(p).map((s) => ({ waitMinutes: s.waitMinutes, recipients: s.recipients.map(recipientView) })),
  repeat: p.repeat,
  createdBy: p.createdBy,
  teamId: p.teamId,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

const stepsJson = (steps: CreateEscalationPolicyDto['steps']) =>
  steps.map((s) => ({
    waitMinutes: s.waitMinutes,
    recipients: s.recipients.map(toStoredRecipient),
  })) as Prisma.InputJsonValue;

@Injectable()
export class EscalationPoliciesService {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  list(caller: CallerIdentity, q: EscalationPolicyListQuery): Promise<Page<EscalationPolicyView>> {
    requirePermission(caller, 'alerts:read');
    const limit = pageLimit(q);
    return this.uow.run(async (tx) => {
      const rows = await tx.escalationPolicy.findMany({
        where: { AND: [{ isDeleted: false }, ownedScope(caller), newestFirstAfter(q.cursor) ?? {}] },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit + 1,
      });
      return toPage(rows.map(toView), limit, (p) => timeKeyOf(p.createdAt, p.id));
    });
  }

  get(caller: CallerIdentity, id: string): Promise<EscalationPolicyView> {
    requirePermission(caller, 'alerts:read');
    return this.uow.run(async (tx) => toView(await this.visible(tx, caller, id)));
  }

  create(caller: CallerIdentity, dto: CreateEscalationPolicyDto): Promise<EscalationPolicyView> {
    requirePermission(caller, 'alerts:create');
    const userId = requireSignedIn(caller);
    checkTeam(caller, dto.teamId, 'ALERTING.TEAM_NOT_FOUND');
    return this.uow.run(async (tx) =>
      toView(
        await tx.escalationPolicy.create({
          data: {
            name: dto.name,
            description: dto.description ?? null,
            steps: stepsJson(dto.steps),
            repeat: dto.repeat ?? 0,
            createdBy: userId,
            teamId: dto.teamId ?? null,
          },
        }),
      ),
    );
  }

  update(caller: CallerIdentity, id: string, dto: UpdateEscalationPolicyDto): Promise<EscalationPolicyView> {
    requirePermission(caller, 'alerts:update');
    checkTeam(caller, dto.teamId, 'ALERTING.TEAM_NOT_FOUND');
    return this.uow.run(async (tx) => {
      await this.visible(tx, caller, id);
      const data = Object.fromEntries(
        Object.entries({
          name: dto.name,
          description: dto.description,
          steps: dto.steps && stepsJson(dto.steps),
          repeat: dto.repeat,
          teamId: dto.teamId,
        }).filter(([, v]) => v !== undefined),
      );
      return toView(await tx.escalationPolicy.update({ where: { id }, data }));
    });
  }

  remove(caller: CallerIdentity, id: string): Promise<{ deleted: true }> {
    requirePermission(caller, 'alerts:delete');
    return this.uow.run(async (tx) => {
      await this.visible(tx, caller, id);
      await tx.escalationPolicy.update({ where: { id }, data: { isDeleted: true } });
      return { deleted: true as const };
    });
  }

  private async visible(tx: Tx, caller: CallerIdentity, id: string) {
    const row = await tx.escalationPolicy.findFirst({ where: { AND: [{ id, isDeleted: false }, ownedScope(caller)] } });
    if (!row) throw policyNotFound();
    return row;
  }
}
