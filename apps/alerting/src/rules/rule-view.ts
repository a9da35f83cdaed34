import { ActiveHoursDto, AlertRecipientView, AlertRuleView } from '@suite/contracts/alerting';
import { Prisma } from '@suite/db/alerting';

export const WITH_RECIPIENTS = { recipients: { orderBy: { createdAt: 'asc' } } } satisfies Prisma.AlertRuleInclude;
export type RuleRow = Prisma.AlertRuleGetPayload<{ include: typeof WITH_RECIPIENTS }>;

export const recipientView = (r: { type: string; value: string; channels: string[] }): AlertRecipientView => ({
  type: r.type as AlertRecipientView['type'],
  value: r.value,
  channels: r.channels,
});

export const toRuleView = (r: RuleRow): AlertRuleView => ({
  id: r.id,
  name: r.name,
  description: r.description,
  category: r.category,
  priority: r.priority,
  eventType: r.eventType,
  condition: r.condition,
  activeHours: (r.activeHours as ActiveHoursDto | null) ?? null,
  cooldownMinutes: r.cooldownMinutes,
  isActive: r.isActive,
  recipients: r.recipients.map(recipientView),
  deviceId: r.deviceId,
  sensorId: r.sensorId,
  storeId: r.storeId,
  teamId: r.teamId,
  severity: r.severity,
  tags: r.tags,
  fingerprintFields: r.fingerprintFields,
  groupBy: r.groupBy,
  groupWaitSeconds: r.groupWaitSeconds,
  groupIntervalSeconds: r.groupIntervalSeconds,
  repeatIntervalSeconds: r.repeatIntervalSeconds,
  escalationPolicyId: r.escalationPolicyId,
  createdBy: r.createdBy,
  updatedBy: r.updatedBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
