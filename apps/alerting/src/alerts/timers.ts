import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@suite/platform';
import { Tx } from '../access/access';
import { AlertWriter } from '../engine/alert-writer';
import { escalationPlan, escalationStart } from './escalation';
import { logNotifications, recipientsOf } from './notify-log';

const BATCH = 100;
const WITH_RULE = { rule: { include: { recipients: true, escalationPolicy: true } } } as const;

/**
 * The per-alert timers, each a due-at column claimed with FOR UPDATE SKIP LOCKED: escalation (nobody acknowledged in
 * time), snooze end and acknowledgment expiry (the alert notifies again), and silences ending (what they held back
 * is notified now).
 */
@Injectable()
export class AlertTimers {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly writer: AlertWriter,
  ) {}

  async run(): Promise<number> {
    return (await this.escalate()) + (await this.wake('snooze')) + (await this.wake('ack')) + (await this.releaseSilences());
  }

  private escalate(): Promise<number> {
    return this.uow.run(async (tx) => {
      const ids = await this.claim(tx, `escalation_due_at <= now() AND status IN ('SENT', 'ESCALATED')`);
      const now = new Date();
      let sent = 0;
      for (const a of await tx.alert.findMany({ where: { id: { in: ids } }, include: WITH_RULE })) {
        const policy = a.rule.escalationPolicy;
        const plan = policy && !policy.isDeleted ? escalationPlan(policy, a.escalationStep, now) : null;
        if (plan) {
          sent += await logNotifications(tx, {
            kind: 'ESCALATED',
            dedupBase: `${a.id}:${a.escalationStep}`,
            rule: a.rule,
            alertIds: [a.id],
            groupKey: a.groupKey,
            recipients: plan.current.recipients,
            variables: { title: a.title, message: a.message, step: a.escalationStep + 1 },
          });
        }
        await tx.alert.update({
          where: { id: a.id },
          data: plan
            ? { status: 'ESCALATED', escalatedAt: now, escalationStep: a.escalationStep + 1, escalationDueAt: plan.nextDueAt }
            : { escalationDueAt: null },
        });
      }
      return sent;
    });
  }

  /** A snoozed alert whose time is up, or an acknowledged one whose acknowledgment expired, is open again: REMINDER. */
  private wake(which: 'snooze' | 'ack'): Promise<number> {
    return this.uow.run(async (tx) => {
      const ids = await this.claim(
        tx,
        which === 'snooze' ? `status = 'SNOOZED' AND snoozed_until <= now()` : `status = 'ACKNOWLEDGED' AND reminder_due_at <= now()`,
      );
      const now = new Date();
      let sent = 0;
      for (const a of await tx.alert.findMany({ where: { id: { in: ids } }, include: WITH_RULE })) {
        const due = which === 'snooze' ? a.snoozedUntil! : a.reminderDueAt!;
        sent += await logNotifications(tx, {
          kind: 'REMINDER',
          dedupBase: `${which}:${a.id}:${due.toISOString()}`,
          rule: a.rule,
          alertIds: [a.id],
          groupKey: a.groupKey,
          recipients: recipientsOf(a.rule),
          variables: { title: a.title, message: a.message, reason: which === 'snooze' ? 'snooze ended' : 'acknowledgment expired' },
        });
        await tx.alert.update({
          where: { id: a.id },
          data: { status: 'SENT', reminderDueAt: null, escalationStep: 0, escalationDueAt: escalationStart(a.rule.escalationPolicy, now) },
        });
      }
      return sent;
    });
  }

  /** A silence that ended lets its still-open alerts through: they join their groups' next flush. */
  private releaseSilences(): Promise<number> {
    return this.uow.run(async (tx) => {
      const ended = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM alert_silences WHERE released_at IS NULL AND ends_at <= now() LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      let released = 0;
      for (const s of ended) {
        const held = await tx.alert.findMany({ where: { silenceId: s.id, status: 'SUPPRESSED' }, include: { rule: true } });
        for (const a of held) {
          await tx.alert.update({ where: { id: a.id }, data: { status: 'PENDING' } });
          await this.writer.scheduleGroup(tx, a.groupKey ?? a.ruleId, a.rule);
        }
        await tx.alertSilence.update({ where: { id: s.id }, data: { releasedAt: new Date() } });
        released += held.length;
      }
      return released;
    });
  }

  private async claim(tx: Tx, where: string): Promise<string[]> {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM alerts WHERE ${where} ORDER BY updated_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
    );
    return rows.map((r) => r.id);
  }
}
