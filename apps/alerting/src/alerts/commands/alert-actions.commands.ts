import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AcknowledgeAlertDto, AlertView, ResolveAlertDto, SnoozeAlertDto } from '@suite/contracts/alerting';
import { CallerIdentity, conflict, forbidden, invalid, UnitOfWork } from '@suite/platform';
import { isStaff, requirePermission, requireSignedIn, Tx } from '../../access/access';
import { AlertWriter } from '../../engine/alert-writer';
import { lockedAlert } from '../alerts.service';
import { toAlertView, WITH_ACKS } from '../alert-view';
import { recipientsOf } from '../notify-log';
import { stepsOf } from '../escalation';

const ACKABLE = ['PENDING', 'SENT', 'ESCALATED', 'SNOOZED', 'ACKNOWLEDGED'];
type Locked = Awaited<ReturnType<typeof lockedAlert>>;

/** A recipient: named by the rule (or the default: its team or creator), by one of the escalation steps, or staff. */
function isRecipient(caller: CallerIdentity, a: Locked): boolean {
  if (isStaff(caller)) return true;
  const steps = a.rule.escalationPolicy ? stepsOf(a.rule.escalationPolicy).flatMap((s) => s.recipients) : [];
  return (
    [...recipientsOf(a.rule), ...steps].some(
      (r) =>
        (r.type === 'USER' && r.value === caller.userId) ||
        (r.type === 'ROLE' && caller.roles.includes(r.value)) ||
        (r.type === 'TEAM' && caller.teamIds.includes(r.value)),
    ) || a.ownerUserId === caller.userId
  );
}

const view = async (tx: Tx, id: string): Promise<AlertView> =>
  toAlertView(await tx.alert.findUniqueOrThrow({ where: { id }, include: WITH_ACKS }));

export class AcknowledgeAlertCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly alertId: string,
    readonly body: AcknowledgeAlertDto,
  ) {}
}

/** Stops escalation; with an expiry, a still-open alert notifies again (REMINDER) when it passes. */
@CommandHandler(AcknowledgeAlertCommand)
export class AcknowledgeAlertHandler implements ICommandHandler<AcknowledgeAlertCommand, AlertView> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ caller, alertId, body }: AcknowledgeAlertCommand): Promise<AlertView> {
    requirePermission(caller, 'alerts:update');
    const userId = requireSignedIn(caller);
    return this.uow.run(async (tx) => {
      const a = await lockedAlert(tx, caller, alertId);
      if (!isRecipient(caller, a)) throw forbidden('ALERTING.NOT_A_RECIPIENT', 'Only a recipient of this alert may acknowledge it.');
      if (!ACKABLE.includes(a.status)) throw conflict('ALERTING.ALERT_CLOSED', `The alert is ${a.status}.`, { status: a.status });
      const now = new Date();
      const expiresAt = body.expiresInMinutes ? new Date(now.getTime() + Math.round(body.expiresInMinutes * 60000)) : null;
      await tx.alertAcknowledgment.create({ data: { alertId, userId, note: body.note ?? null, expiresAt } });
      await tx.alert.update({
        where: { id: alertId },
        data: { status: 'ACKNOWLEDGED', acknowledgedAt: now, escalationDueAt: null, reminderDueAt: expiresAt, snoozedUntil: null },
      });
      return view(tx, alertId);
    });
  }
}

export class SnoozeAlertCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly alertId: string,
    readonly body: SnoozeAlertDto,
  ) {}
}

/** Quiet until `until` (no escalation meanwhile); it then returns as SENT with a REMINDER. */
@CommandHandler(SnoozeAlertCommand)
export class SnoozeAlertHandler implements ICommandHandler<SnoozeAlertCommand, AlertView> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ caller, alertId, body }: SnoozeAlertCommand): Promise<AlertView> {
    requirePermission(caller, 'alerts:update');
    requireSignedIn(caller);
    const until = new Date(body.until);
    if (until.getTime() <= Date.now())
      throw invalid('ALERTING.SNOOZE_IN_PAST', 'until must be in the future.', {
        errors: [{ field: 'until', messages: ['until must be in the future'] }],
      });
    return this.uow.run(async (tx) => {
      const a = await lockedAlert(tx, caller, alertId);
      if (!isRecipient(caller, a)) throw forbidden('ALERTING.NOT_A_RECIPIENT', 'Only a recipient of this alert may snooze it.');
      if (!ACKABLE.includes(a.status)) throw conflict('ALERTING.ALERT_CLOSED', `The alert is ${a.status}.`, { status: a.status });
      await tx.alert.update({
        where: { id: alertId },
        data: { status: 'SNOOZED', snoozedUntil: until, escalationDueAt: null, reminderDueAt: null },
      });
      return view(tx, alertId);
    });
  }
}

export class ResolveAlertCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly alertId: string,
    readonly body: ResolveAlertDto,
  ) {}
}

@CommandHandler(ResolveAlertCommand)
export class ResolveAlertHandler implements ICommandHandler<ResolveAlertCommand, AlertView> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly writer: AlertWriter,
  ) {}

  execute({ caller, alertId, body }: ResolveAlertCommand): Promise<AlertView> {
    requirePermission(caller, 'alerts:update');
    const userId = requireSignedIn(caller);
    return this.uow.run(async (tx) => {
      const a = await lockedAlert(tx, caller, alertId);
      if (!a.openFingerprint) throw conflict('ALERTING.ALERT_CLOSED', `The alert is ${a.status}.`, { status: a.status });
      await this.writer.resolve(tx, [a.openFingerprint], { resolvedBy: userId, note: body.note ?? null });
      return view(tx, alertId);
    });
  }
}
