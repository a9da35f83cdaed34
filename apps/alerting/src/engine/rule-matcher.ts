import { Injectable } from '@nestjs/common';
import { ActiveHoursDto, Condition } from '@suite/contracts/alerting';
import { Prisma } from '@suite/db/alerting';
import { Tx } from '../access/access';
import { isActiveAt } from './active-hours';
import { countWindowOf, fieldOf, matches } from './condition-evaluator';
import { EventFacts } from './event-facts';

export type MatchedRule = Prisma.AlertRuleGetPayload<{ include: { recipients: true } }>;

/** Whether the rule may see the event: its scope, and for a non-staff rule, its creator's devices or its team's stores. */
export function inScope(rule: MatchedRule, facts: EventFacts): boolean {
  if (rule.deviceId && rule.deviceId !== facts.deviceId) return false;
  if (rule.sensorId && rule.sensorId !== facts.sensorId) return false;
  if (rule.storeId && rule.storeId !== facts.storeId) return false;
  if (rule.teamId && facts.teamId !== null && rule.teamId !== facts.teamId) return false;
  if (!rule.ownedOnly) return true;
  return facts.ownerUserId === rule.createdBy || (rule.teamId !== null && facts.teamId === rule.teamId);
}

/** The rules an event fires, with the fingerprint-relevant count field when the rule counts. */
@Injectable()
export class RuleMatcher {
  /** Per event type: the active rules, and the version of the rule rows they were read at. */
  private readonly cache = new Map<string, { version: string; rules: MatchedRule[] }>();

  /**
   * The active rules on an event type, read again only when a rule row of that type changed. Loading 1,000 rules
   * with their recipients for every event cost far more than evaluating them; the version (row count + sum of
   * updatedAt, which every create, edit, delete or recipient change bumps) is one cheap indexed read, in the
   * caller's transaction, so a change made by any replica is seen by the next event here.
   */
  async rulesFor(tx: Tx, eventType: string): Promise<MatchedRule[]> {
    const [{ version }] = await tx.$queryRaw<{ version: string }[]>`
      SELECT count(*)::text || ':' || COALESCE(sum(extract(epoch FROM updated_at)), 0)::text AS version FROM alert_rules WHERE event_type = ${eventType}`;
    const cached = this.cache.get(eventType);
    if (cached?.version === version) return cached.rules;
    const rules = await tx.alertRule.findMany({ where: { eventType, isActive: true, isDeleted: false }, include: { recipients: true } });
    this.cache.set(eventType, { version, rules });
    return rules;
  }

  /**
   * The condition without its count holds; then, for a counting rule, this event is recorded as a hit and the
   * rule fires only once the window holds at least `atLeast` hits of the same `by` value.
   */
  async fires(tx: Tx, rule: MatchedRule, facts: EventFacts, payload: object, at: Date): Promise<{ fires: boolean; countBy?: string }> {
    if (!inScope(rule, facts) || !isActiveAt(rule.activeHours as ActiveHoursDto | null, at)) return { fires: false };
    const condition = rule.condition as unknown as Condition;
    if (!matches(condition, payload)) return { fires: false };
    const window = countWindowOf(condition);
    if (!window) return { fires: true };
    const by = window.by ? String(fieldOf(payload, window.by) ?? '') : '';
    await tx.alertRuleHit.create({ data: { ruleId: rule.id, byValue: by, at } });
    const since = new Date(at.getTime() - window.withinMinutes * 60000);
    const hits = await tx.alertRuleHit.count({ where: { ruleId: rule.id, byValue: by, at: { gt: since, lte: at } } });
    return { fires: hits >= window.atLeast, countBy: window.by };
  }
}
