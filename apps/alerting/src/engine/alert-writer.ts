import { Injectable } from '@nestjs/common';
import { AlertRaised, AlertResolved, OPEN_ALERT_STATUSES } from '@suite/contracts/alerting';
import { enqueueEvent } from '@suite/platform';
import { Tx } from '../access/access';
import { AlertingConfig } from '../config';
import { logNotifications, recipientsOf } from '../alerts/notify-log';
import { EventFacts } from './event-facts';
import { MatchedRule } from './rule-matcher';

export interface Occurrence {
  rule: MatchedRule;
  fingerprint: string;
  groupKey: string;
  facts: EventFacts;
  eventType: string;
  eventId: string;
  payload: object;
  at: Date;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Writes alerts: a repeat counts on the open alert of its fingerprint, the database keeping it to one across replicas. */
@Injectable()
export class AlertWriter {
  constructor(private readonly config: AlertingConfig) {}

  /** Returns 'repeat' when an open alert took the occurrence, else the new alert's status. */
  async record(tx: Tx, o: Occurrence): Promise<string> {
    // Fast path for the common repeat; the insert below covers the race when two replicas see the first occurrence at once.
    const counted = await tx.$executeRaw`
      UPDATE alerts SET occurrence_count = occurrence_count + 1, last_occurrence = GREATEST(last_occurrence, ${o.at}),
        event_id = ${o.eventId}, event_data = ${JSON.stringify(o.payload)}::jsonb, updated_at = now()
      WHERE open_fingerprint = ${o.fingerprint}`;
    if (counted > 0) return 'repeat';
    const silenceId = await this.silenceFor(tx, o);
    const cooling = !silenceId && (await this.cooling(tx, o));
    const status = silenceId || cooling ? 'SUPPRESSED' : 'PENDING';
    const p = o.payload as Record<string, unknown>;
    const title = str(p.title) ?? o.rule.name;
    const message = str(p.message) ?? `${o.rule.name}: ${o.eventType}`;
    const metadata = cooling
      ? { suppressedBy: 'cooldown', cooldownMinutes: o.rule.cooldownMinutes }
      : silenceId
        ? { suppressedBy: 'silence' }
        : {};
    const [row] = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
      INSERT INTO alerts (id, rule_id, title, message, category, priority, status, event_type, event_id, event_data, fingerprint, open_fingerprint,
        group_key, severity, tags, metadata, owner_user_id, team_id, device_id, sensor_id, store_id, silence_id,
        first_occurrence, last_occurrence, triggered_at, updated_at)
      VALUES (gen_random_uuid(), ${o.rule.id}::uuid, ${title}, ${message}, ${o.rule.category}::"AlertCategory", ${o.rule.priority}::"AlertPriority",
        ${status}::"AlertStatus", ${o.eventType}, ${o.eventId}, ${JSON.stringify(o.payload)}::jsonb, ${o.fingerprint}, ${o.fingerprint},
        ${o.groupKey}, ${o.rule.severity}, ${o.rule.tags}::text[], ${JSON.stringify(metadata)}::jsonb, ${o.facts.ownerUserId}, ${o.facts.teamId},
        ${o.facts.deviceId}, ${o.facts.sensorId}, ${o.facts.storeId}, ${silenceId}::uuid, ${o.at}, ${o.at}, ${o.at}, now())
      ON CONFLICT (open_fingerprint) DO UPDATE SET occurrence_count = alerts.occurrence_count + 1,
        last_occurrence = GREATEST(alerts.last_occurrence, EXCLUDED.last_occurrence), event_id = EXCLUDED.event_id,
        event_data = EXCLUDED.event_data, updated_at = now()
      RETURNING id, (xmax = 0) AS inserted`;
    if (!row.inserted) return 'repeat';
    if (status === 'PENDING') await this.scheduleGroup(tx, o.groupKey, o.rule);
    await enqueueEvent(tx, AlertRaised, {
      alertId: row.id,
      ruleId: o.rule.id,
      fingerprint: o.fingerprint,
      category: o.rule.category,
      priority: o.rule.priority,
      eventType: o.eventType,
      status,
      occurrenceCount: 1,
      ownerUserId: o.facts.ownerUserId,
      teamId: o.facts.teamId,
      tags: o.rule.tags,
      at: o.at.toISOString(),
    });
    return status;
  }

  /**
   * Alertmanager's timing: a new group flushes after group wait; a group already notified takes new alerts at its
   * last flush + group interval (sooner than a pending repeat), never later than a flush already due.
   */
  async scheduleGroup(
    tx: Tx,
    groupKey: string,
    rule: { id: string; groupWaitSeconds: number | null; groupIntervalSeconds: number | null },
  ) {
    const wait = rule.groupWaitSeconds ?? this.config.ALERT_GROUP_WAIT_SECONDS;
    const interval = rule.groupIntervalSeconds ?? this.config.ALERT_GROUP_INTERVAL_SECONDS;
    await tx.$executeRaw`
      INSERT INTO alert_groups (group_key, rule_id, next_flush_at) VALUES (${groupKey}, ${rule.id}::uuid, now() + make_interval(secs => ${wait}))
      ON CONFLICT (group_key) DO UPDATE SET next_flush_at = CASE
        WHEN alert_groups.last_flush_at IS NULL THEN COALESCE(alert_groups.next_flush_at, EXCLUDED.next_flush_at)
        ELSE LEAST(COALESCE(alert_groups.next_flush_at, 'infinity'), GREATEST(now(), alert_groups.last_flush_at + make_interval(secs => ${interval})))
      END`;
  }

  /** Resolves the open alerts of these fingerprints; those already notified get a RESOLVED notification. */
  async resolve(tx: Tx, fingerprints: string[], reason: Record<string, unknown>): Promise<number> {
    if (fingerprints.length === 0) return 0;
    const rows = await tx.$queryRaw<
      {
        id: string;
        rule_id: string;
        fingerprint: string;
        group_key: string | null;
        notified_at: Date | null;
        occurrence_count: number;
        owner_user_id: string | null;
        team_id: string | null;
        tags: string[];
        event_type: string;
        category: string;
        priority: string;
      }[]
    >`
      UPDATE alerts SET status = 'RESOLVED', open_fingerprint = NULL, resolved_at = now(), escalation_due_at = NULL, reminder_due_at = NULL, updated_at = now()
      WHERE open_fingerprint = ANY(${fingerprints}::text[])
      RETURNING id, rule_id, fingerprint, group_key, notified_at, occurrence_count, owner_user_id, team_id, tags, event_type, category::text, priority::text`;
    for (const a of rows) {
      if (a.notified_at) {
        const rule = await tx.alertRule.findUniqueOrThrow({ where: { id: a.rule_id }, include: { recipients: true } });
        await logNotifications(tx, {
          kind: 'RESOLVED',
          dedupBase: a.id,
          rule,
          alertIds: [a.id],
          groupKey: a.group_key,
          recipients: recipientsOf(rule),
          variables: { ...reason, fingerprint: a.fingerprint },
        });
      }
      await enqueueEvent(tx, AlertResolved, {
        alertId: a.id,
        ruleId: a.rule_id,
        fingerprint: a.fingerprint,
        category: a.category,
        priority: a.priority,
        eventType: a.event_type,
        status: 'RESOLVED',
        occurrenceCount: a.occurrence_count,
        ownerUserId: a.owner_user_id,
        teamId: a.team_id,
        tags: a.tags,
        at: new Date().toISOString(),
      });
    }
    return rows.length;
  }

  /** A live silence matching the alert-to-be (a non-staff silence only over what its creator may see). */
  private async silenceFor(tx: Tx, o: Occurrence): Promise<string | null> {
    const live = await tx.alertSilence.findMany({ where: { startsAt: { lte: o.at }, endsAt: { gt: o.at }, releasedAt: null } });
    const m = (s: (typeof live)[number]) => s.matchers as Record<string, unknown>;
    const hit = live.find((s) => {
      const x = m(s);
      const tags = Array.isArray(x.tags) ? (x.tags as string[]) : [];
      const owned =
        !s.ownedOnly ||
        o.facts.ownerUserId === s.createdBy ||
        o.rule.createdBy === s.createdBy ||
        (s.teamId !== null && (o.facts.teamId === s.teamId || o.rule.teamId === s.teamId));
      return (
        owned &&
        (x.category === undefined || x.category === o.rule.category) &&
        (x.eventType === undefined || x.eventType === o.eventType) &&
        (x.ruleId === undefined || x.ruleId === o.rule.id) &&
        (x.deviceId === undefined || x.deviceId === o.facts.deviceId) &&
        (x.sensorId === undefined || x.sensorId === o.facts.sensorId) &&
        (x.storeId === undefined || x.storeId === o.facts.storeId) &&
        tags.every((t) => o.rule.tags.includes(t))
      );
    });
    return hit?.id ?? null;
  }

  /** Within the rule's cooldown after an alert of this fingerprint, a new one is stored but not notified. */
  private async cooling(tx: Tx, o: Occurrence): Promise<boolean> {
    if (o.rule.cooldownMinutes <= 0) return false;
    const since = new Date(o.at.getTime() - o.rule.cooldownMinutes * 60000);
    const recent = await tx.alert.findFirst({
      where: { fingerprint: o.fingerprint, triggeredAt: { gte: since }, status: { notIn: [...OPEN_ALERT_STATUSES] } },
      select: { id: true },
    });
    return recent !== null;
  }
}
