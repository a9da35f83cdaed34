import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@suite/platform';
import { Tx } from '../access/access';
import { AlertingConfig } from '../config';
import { logNotifications, recipientsOf } from './notify-log';
import { escalationStart } from './escalation';

/** Groups flushed per pass, each claimed with FOR UPDATE SKIP LOCKED so replicas share them. */
const BATCH = 50;

/**
 * Alertmanager's flush: every due group sends ONE notification per recipient naming all its new alerts (FIRING),
 * or, when nothing is new but alerts are still unacknowledged after the repeat interval, a REMINDER.
 */
@Injectable()
export class GroupFlush {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly config: AlertingConfig,
  ) {}

  /**
   * One group per transaction: a batch in one transaction outlived the interactive-transaction timeout on a loaded
   * machine (the alerting bench), rolled back whole and was retried whole, so nothing was ever notified.
   */
  async run(): Promise<number> {
    let sent = 0;
    for (let i = 0; i < BATCH; i++) {
      const flushed = await this.uow.run(async (tx) => {
        const [g] = await tx.$queryRaw<{ group_key: string; rule_id: string }[]>`
          SELECT group_key, rule_id FROM alert_groups WHERE next_flush_at <= now() ORDER BY next_flush_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
        return g ? this.flush(tx, g.group_key, g.rule_id) : null;
      });
      if (flushed === null) break;
      sent += flushed;
    }
    return sent;
  }

  private async flush(tx: Tx, groupKey: string, ruleId: string): Promise<number> {
    const now = new Date();
    const rule = await tx.alertRule.findUniqueOrThrow({ where: { id: ruleId }, include: { recipients: true, escalationPolicy: true } });
    const open = await tx.alert.findMany({
      where: { groupKey, status: { in: ['PENDING', 'SENT', 'ESCALATED'] } },
      select: { id: true, status: true, title: true },
      orderBy: { triggeredAt: 'asc' },
    });
    const fresh = open.filter((a) => a.status === 'PENDING');
    const kind = fresh.length > 0 ? 'FIRING' : open.length > 0 ? 'REMINDER' : null;
    const repeat = rule.repeatIntervalSeconds ?? this.config.ALERT_REPEAT_INTERVAL_SECONDS;
    const stillOpen = open.length > 0;
    await tx.alertGroup.update({
      where: { groupKey },
      data: kind ? { lastFlushAt: now, nextFlushAt: stillOpen ? new Date(now.getTime() + repeat * 1000) : null } : { nextFlushAt: null },
    });
    if (!kind || rule.isDeleted) return 0;
    const written = await logNotifications(tx, {
      kind,
      dedupBase: `${groupKey}:${now.toISOString()}`,
      rule,
      alertIds: (kind === 'FIRING' ? fresh : open).map((a) => a.id),
      groupKey,
      recipients: recipientsOf(rule),
      variables: { title: (fresh[0] ?? open[0]).title, firing: open.length, new: fresh.length },
    });
    if (fresh.length > 0) {
      const start = escalationStart(rule.escalationPolicy, now);
      await tx.alert.updateMany({
        where: { id: { in: fresh.map((a) => a.id) }, status: 'PENDING' },
        data: { status: 'SENT', notifiedAt: now, escalationStep: 0, escalationDueAt: start },
      });
    }
    return written;
  }
}
