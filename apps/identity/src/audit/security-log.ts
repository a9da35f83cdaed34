import { Injectable, Logger } from '@nestjs/common';
import { ClientInfo } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import { InjectDb } from '@suite/platform';

export type SecuritySeverity = 'info' | 'warning' | 'critical';

/** Security events (failed sign-ins, lockouts, token theft). Written outside the caller's transaction on purpose: a failed login rolls nothing back. */
@Injectable()
export class SecurityLog {
  private readonly logger = new Logger('SecurityLog');

  constructor(@InjectDb() private readonly db: IdentityDb) {}

  async record(
    event: string,
    severity: SecuritySeverity,
    userId: string | null,
    client: ClientInfo = {},
    metadata?: Record<string, unknown>,
  ): Promise<void> {
    await this.db.securityLog.create({
      data: {
        event,
        severity,
        userId,
        ipAddress: client.ipAddress ?? null,
        userAgent: client.userAgent ?? null,
        metadata: (metadata ?? Prisma.JsonNull) as Prisma.InputJsonValue,
      },
    });
    if (severity !== 'info') this.logger.warn({ event, userId }, 'security event');
  }
}
