import { NotifyKind, NotifyRecipient, NotifyRequest } from '../notifications/notify.command';
import { Tx } from '../access/access';

export interface RecipientRow {
  type: string;
  value: string;
  channels: string[];
}

export interface RuleForNotify {
  id: string;
  category: string;
  priority: string;
  eventType: string;
  name: string;
  createdBy: string;
  teamId: string | null;
  recipients: RecipientRow[];
}

/** A recipient as a rule or an escalation step stores it (OWNER names nobody in particular: its value is empty). */
export const toStoredRecipient = <T extends string>(r: { type: T; value?: string; channels?: string[] }) => ({
  type: r.type,
  value: r.type === 'OWNER' ? '' : (r.value ?? ''),
  channels: r.channels ?? [],
});

/** The users an OWNER recipient means for these alerts: each one's owner, once. */
async function ownersOf(tx: Tx, alertIds: string[]): Promise<string[]> {
  const rows = await tx.$queryRaw<{ owner_user_id: string }[]>`
    SELECT DISTINCT owner_user_id FROM alerts WHERE id = ANY(${alertIds}::uuid[]) AND owner_user_id IS NOT NULL ORDER BY owner_user_id`;
  return rows.map((r) => r.owner_user_id);
}

/** The recipients with OWNER replaced by the alerts' owners (as USER recipients with its channels). */
async function expandOwners(tx: Tx, recipients: RecipientRow[], alertIds: string[]): Promise<RecipientRow[]> {
  const owner = recipients.find((r) => r.type === 'OWNER');
  if (!owner) return recipients;
  const owners = (await ownersOf(tx, alertIds)).map((userId) => ({ type: 'USER', value: userId, channels: owner.channels }));
  return [...recipients.filter((r) => r.type !== 'OWNER'), ...owners];
}

export const toNotifyRecipient = (r: RecipientRow): NotifyRecipient => ({
  ...(r.type === 'USER' ? { userId: r.value } : r.type === 'ROLE' ? { role: r.value } : { teamId: r.value }),
  ...(r.channels.length > 0 ? { channels: r.channels } : {}),
});

/** The rule's recipients; a rule naming none tells its team, or else the user who made it. */
export function recipientsOf(rule: RuleForNotify): RecipientRow[] {
  if (rule.recipients.length > 0) return rule.recipients;
  return [rule.teamId ? { type: 'TEAM', value: rule.teamId, channels: [] } : { type: 'USER', value: rule.createdBy, channels: [] }];
}

export interface NotifyDecision {
  kind: NotifyKind;
  /** unique per decision: a decision taken twice (a redelivery, two replicas) is logged, and sent, once */
  dedupBase: string;
  rule: RuleForNotify;
  alertIds: string[];
  groupKey?: string | null;
  recipients: RecipientRow[];
  variables: Record<string, unknown>;
}

/**
 * Writes one notification-log row per recipient in the caller's transaction (the decision and its record commit
 * together); the relay hands pending rows to NotifyCommand. Returns the rows actually written.
 */
export async function logNotifications(tx: Tx, d: NotifyDecision): Promise<number> {
  let written = 0;
  // A user named twice (directly and as an owner) has one dedup key: told once.
  for (const recipient of await expandOwners(tx, d.recipients, d.alertIds)) {
    const dedupKey = `${d.kind}:${d.dedupBase}:${recipient.type}:${recipient.value}`;
    const request: NotifyRequest = {
      dedupKey,
      kind: d.kind,
      alertIds: d.alertIds,
      ...(d.groupKey ? { groupKey: d.groupKey } : {}),
      category: d.rule.category,
      priority: d.rule.priority,
      eventType: d.rule.eventType,
      recipients: [toNotifyRecipient(recipient)],
      variables: { rule: d.rule.name, ruleId: d.rule.id, count: d.alertIds.length, ...d.variables },
    };
    written += await tx.$executeRaw`
      INSERT INTO alert_notification_log (id, dedup_key, kind, group_key, alert_ids, recipients, request)
      VALUES (gen_random_uuid(), ${dedupKey}, ${d.kind}, ${d.groupKey ?? null}, ${d.alertIds}::text[], ${JSON.stringify(request.recipients)}::jsonb, ${JSON.stringify(request)}::jsonb)
      ON CONFLICT (dedup_key) DO NOTHING`;
  }
  return written;
}
