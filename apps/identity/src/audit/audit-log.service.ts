import { Injectable } from '@nestjs/common';
import { AuditLogFilter, AuditLogView, ClientInfo, ImpersonatedRequestRecord } from '@suite/contracts/identity';
import { IdentityDb } from '@suite/db/identity';
import { CallerIdentity, forbidden, InjectDb, Page, pageLimit, PageQuery, readTimeCursor, timeKeyOf, toPage } from '@suite/platform';
import { requirePermission } from '../roles/access-checks';
import { AuditLog } from './audit-log';
import { auditLogWhere, toAuditLogView } from './audit-query';

@Injectable()
export class AuditLogService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly audit: AuditLog,
  ) {}

  async list(caller: CallerIdentity, query: AuditLogFilter & PageQuery): Promise<Page<AuditLogView>> {
    requirePermission(caller, 'audit-logs:read');
    const limit = pageLimit(query);
    const rows = await this.db.auditLog.findMany({
      where: auditLogWhere(query, readTimeCursor(query.cursor)),
      orderBy: [{ timestamp: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toPage(rows.map(toAuditLogView), limit, (r) => timeKeyOf(r.timestamp, r.id));
  }

  /**
   * A request answered by the gateway while an admin acted as someone else. Only impersonated
   * callers are recorded here; everything else is audited by the service that made the change.
   */
  async recordImpersonatedRequest(
    caller: CallerIdentity,
    request: ImpersonatedRequestRecord,
    client: ClientInfo,
  ): Promise<{ recorded: true }> {
    if (!caller.userId || !caller.impersonatorId)
      throw forbidden('IDENTITY.NOT_IMPERSONATING', 'Only requests made under impersonation are recorded here.');
    await this.audit.record(this.db, {
      actor: caller,
      action: 'impersonation.request',
      entity: 'HttpRoute',
      entityId: `${request.method} ${request.route}`,
      newValues: { method: request.method, route: request.route, status: request.status },
      client,
    });
    return { recorded: true };
  }
}
