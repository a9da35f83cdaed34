import { Injectable } from '@nestjs/common';
import { ClientInfo } from '@suite/contracts/identity';
import { Prisma } from '@suite/db/identity';
import { CallerIdentity, currentRequestId } from '@suite/platform';

/** Anything that can write an audit row: the transaction of the change it describes (or the client). */
export type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

export interface AuditEntry {
  /** Who acted: the row's userId is caller.userId and its impersonatorId is caller.impersonatorId. */
  actor: CallerIdentity;
  /** `<entity>.<verb>` in lower case, e.g. `role.create`, `team.member.add`. */
  action: string;
  entity: string;
  entityId?: string | null;
  oldValues?: unknown;
  newValues?: unknown;
  client?: ClientInfo;
}

const json = (value: unknown) => (value === undefined || value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue));

/**
 * Sensitive changes with before and after values. Unlike SecurityLog it takes the transaction of
 * the change: the row exists if and only if the change was committed.
 */
@Injectable()
export class AuditLog {
  async record(tx: AuditWriter, entry: AuditEntry): Promise<string> {
    const row = await tx.auditLog.create({
      data: {
        userId: entry.actor.userId ?? null,
        impersonatorId: entry.actor.impersonatorId ?? null,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        oldValues: json(entry.oldValues),
        newValues: json(entry.newValues),
        ipAddress: entry.client?.ipAddress ?? null,
        userAgent: entry.client?.userAgent ?? null,
        requestId: currentRequestId() ?? null,
      },
      select: { id: true },
    });
    return row.id;
  }
}
