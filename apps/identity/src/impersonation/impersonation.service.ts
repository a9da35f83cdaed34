import { Injectable } from '@nestjs/common';
import { ClientInfo, IdentityEvents, ImpersonationStarted } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import { CallerIdentity, conflict, enqueueEvent, InjectDb, notFound, UnitOfWork } from '@suite/platform';
import { AuditLog } from '../audit/audit-log';
import { SecurityLog } from '../audit/security-log';
import { LoginService } from '../auth/login.service';
import { TokenIssuer } from '../auth/token-issuer';
import { requirePermission } from '../roles/access-checks';
import { SessionService } from '../sessions/session.service';
import { callerRefusal, IMPERSONATION_TTL_MS, targetRefusal } from './impersonation-rules';
import { PUBLISH_BEFORE_REPLY } from '../rbac/publish-before-reply';

const notImpersonating = () => conflict('IDENTITY.NOT_IMPERSONATING', 'This session is not an impersonation.');

@Injectable()
export class ImpersonationService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly login: LoginService,
    private readonly tokens: TokenIssuer,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
    private readonly securityLog: SecurityLog,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  /** A new session of the target whose tokens carry the admin as actor (`act.sub`), for one hour at most. */
  async start(caller: CallerIdentity, targetUserId: string, reason: string | undefined, client: ClientInfo): Promise<ImpersonationStarted> {
    requirePermission(caller, 'users:execute');
    const refusal = callerRefusal(caller);
    if (refusal) throw refusal;
    const target = await this.db.user.findUnique({
      where: { id: targetUserId },
      select: { id: true, isActive: true, roleAssignments: { select: { role: { select: { name: true } } } } },
    });
    if (!target) throw notFound('IDENTITY.USER_NOT_FOUND', 'No such user.');
    const targetRefused = targetRefusal(caller, { id: target.id, roles: target.roleAssignments.map((a) => a.role.name) });
    if (targetRefused) throw targetRefused;
    if (!target.isActive) throw conflict('IDENTITY.ACCOUNT_DISABLED', 'This account is disabled.');
    const adminId = caller.userId!;
    // startSession commits the session on its own; if recording the impersonation fails, the session is revoked again.
    const pair = await this.login.startSession(target.id, client, adminId);
    const sessionId = this.tokens.parseRefreshToken(pair.refreshToken)!.sessionId;
    try {
      const started = await this.uow.run(async (tx) => {
        await tx.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() + IMPERSONATION_TTL_MS) } });
        const row = await tx.impersonationSession.create({ data: { adminId, targetUserId: target.id, sessionId, reason: reason ?? null } });
        await this.audit.record(tx, {
          actor: caller,
          action: 'impersonation.start',
          entity: 'ImpersonationSession',
          entityId: row.id,
          newValues: { targetUserId: target.id, sessionId, reason: row.reason },
          client,
        });
        return row;
      });
      await this.securityLog.record('impersonation.started', 'warning', target.id, client, {
        impersonatorId: adminId,
        impersonationId: started.id,
      });
      return { ...pair, impersonationId: started.id, targetUserId: target.id, startedAt: started.startedAt.toISOString() };
    } catch (error) {
      await this.sessions.revoke(sessionId, 'impersonation_failed');
      throw error;
    }
  }

  /** Called with the impersonation's own token: the session ends and the record is closed together. */
  async end(caller: CallerIdentity, client: ClientInfo): Promise<{ ended: true; impersonationId: string }> {
    if (!caller.impersonatorId || !caller.sessionId) throw notImpersonating();
    const sessionId = caller.sessionId;
    const id = await this.uow.run(async (tx) => {
      const row = await tx.impersonationSession.findUnique({ where: { sessionId } });
      if (!row || row.endedAt) throw notImpersonating();
      const endedAt = new Date();
      await tx.impersonationSession.update({ where: { id: row.id }, data: { endedAt } });
      await tx.session.updateMany({
        where: { id: sessionId, status: 'ACTIVE' },
        data: { status: 'REVOKED', revokedAt: endedAt, revokedReason: 'impersonation_ended' },
      });
      await enqueueEvent(tx, IdentityEvents.SessionRevoked, { sessionId, userId: row.targetUserId, reason: 'impersonation_ended' });
      await this.audit.record(tx, {
        actor: caller,
        action: 'impersonation.end',
        entity: 'ImpersonationSession',
        entityId: row.id,
        oldValues: { startedAt: row.startedAt.toISOString() },
        newValues: { endedAt: endedAt.toISOString(), sessionId },
        client,
      });
      return row.id;
    }, PUBLISH_BEFORE_REPLY);
    return { ended: true, impersonationId: id };
  }
}
