import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SettingChanged, SettingChangedPayload } from '@suite/contracts/core';
import { Prisma } from '@suite/db/identity';
import { EventMeta, OnEvent, UnitOfWork } from '@suite/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (value: string | null | undefined) => (value && UUID.test(value) ? value : null);
const json = (value: unknown) => (value === undefined || value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue));

/** One audit row per change of a system setting (analytics owns them; identity keeps the audit log). */
export class AuditSettingChangeCommand extends Command<void> {
  constructor(
    readonly change: SettingChangedPayload,
    readonly requestId: string | undefined,
  ) {
    super();
  }
}

/**
 * Durable `identity__audit-setting-change`: the row commits with the inbox row of the event, so a
 * redelivered event is audited once and a change committed in analytics is never left unaudited.
 */
@Injectable()
export class SettingAuditConsumer {
  @OnEvent(SettingChanged, { name: 'audit-setting-change' })
  onChanged(event: SettingChangedPayload, meta: EventMeta): AuditSettingChangeCommand {
    return new AuditSettingChangeCommand(event, meta.requestId);
  }
}

@CommandHandler(AuditSettingChangeCommand)
export class AuditSettingChangeHandler implements ICommandHandler<AuditSettingChangeCommand> {
  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  execute({ change, requestId }: AuditSettingChangeCommand): Promise<void> {
    const meta = { category: change.category ?? null, isPublic: change.isPublic ?? null };
    return this.uow.run(async (tx) => {
      await tx.auditLog.create({
        data: {
          userId: uuidOrNull(change.changedBy),
          impersonatorId: uuidOrNull(change.impersonatorId),
          action: `setting.${change.action === 'created' ? 'create' : change.action === 'updated' ? 'update' : 'delete'}`,
          entity: 'SystemConfig',
          entityId: change.key,
          oldValues: change.action === 'created' ? json(null) : json({ value: change.previousValue ?? null }),
          newValues: change.action === 'deleted' ? json(null) : json({ value: change.value ?? null, ...meta }),
          ipAddress: change.ipAddress ?? null,
          userAgent: change.userAgent ?? null,
          requestId: requestId ?? null,
          timestamp: new Date(change.occurredAt),
        },
      });
    });
  }
}
