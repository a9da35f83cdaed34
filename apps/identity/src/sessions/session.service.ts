import { Injectable } from '@nestjs/common';
import { ClientInfo, IdentityEvents, SessionView, TokenPair } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import { CallerIdentity, enqueueEvent, InjectDb, notFound, UnitOfWork, unauthorized } from '@suite/platform';
import { AccessResolver } from '../auth/access-resolver';
import { TokenIssuer } from '../auth/token-issuer';
import { SecurityLog } from '../audit/security-log';
import { PUBLISH_BEFORE_REPLY } from '../rbac/publish-before-reply';

const invalidRefresh = () => unauthorized('IDENTITY.INVALID_REFRESH_TOKEN', 'The refresh token is not valid.');
const sessionEnded = () => unauthorized('IDENTITY.SESSION_ENDED', 'The session has ended; sign in again.');
/** How many exchanged refresh tokens a session remembers for theft detection. */
const USED_TOKENS_KEPT = 50;
/** lastActivity is written at most this often, so resolving a token is a read on most requests. */
const ACTIVITY_RESOLUTION_MS = 60_000;

@Injectable()
export class SessionService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly tokens: TokenIssuer,
    private readonly access: AccessResolver,
    private readonly securityLog: SecurityLog,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  /**
   * Exchanges a refresh token for a new pair. The old one is spent: presenting it again means it
   * was copied, so the whole session is revoked (OAuth 2.0 Security BCP, refresh token rotation).
   */
  async refresh(refreshToken: string, client: ClientInfo): Promise<TokenPair> {
    const parsed = this.tokens.parseRefreshToken(refreshToken);
    if (!parsed) throw invalidRefresh();
    const session = await this.db.session.findUnique({ where: { id: parsed.sessionId } });
    if (!session) throw invalidRefresh();
    if (session.usedTokens.includes(parsed.hash)) {
      await this.revoke(session.id, 'refresh_token_reuse');
      await this.securityLog.record('session.refresh_token_reused', 'critical', session.userId, client, { sessionId: session.id });
      throw unauthorized('IDENTITY.REFRESH_TOKEN_REUSED', 'This refresh token was already used; the session has been revoked.');
    }
    if (session.token !== parsed.hash) throw invalidRefresh();
    if (session.status !== 'ACTIVE' || session.expiresAt <= new Date()) throw sessionEnded();
    const next = this.tokens.newRefreshToken(session.id);
    // Conditional on the token still being current: of two concurrent refreshes only one wins.
    const { count } = await this.db.session.updateMany({
      where: { id: session.id, token: parsed.hash, status: 'ACTIVE' },
      data: {
        token: next.hash,
        usedTokens: [parsed.hash, ...session.usedTokens].slice(0, USED_TOKENS_KEPT),
        lastActivity: new Date(),
        ipAddress: client.ipAddress ?? session.ipAddress,
        userAgent: client.userAgent ?? session.userAgent,
      },
    });
    if (count !== 1) return this.refresh(refreshToken, client); // lost the race: now a reuse
    return this.tokens.pair(
      { sub: session.userId, sid: session.id, ...(session.impersonatorId ? { act: { sub: session.impersonatorId } } : {}) },
      next.token,
    );
  }

  /** Called by the gateway for every signed-in request: the token's signature is not enough after a logout. */
  async resolve(userId: string, sessionId: string): Promise<CallerIdentity> {
    const session = await this.db.session.findUnique({
      where: { id: sessionId },
      select: {
        userId: true,
        status: true,
        expiresAt: true,
        impersonatorId: true,
        lastActivity: true,
        user: { select: { isActive: true } },
      },
    });
    if (!session || session.userId !== userId || session.status !== 'ACTIVE' || session.expiresAt <= new Date() || !session.user.isActive)
      throw sessionEnded();
    if (Date.now() - session.lastActivity.getTime() > ACTIVITY_RESOLUTION_MS) {
      await this.db.session.update({ where: { id: sessionId }, data: { lastActivity: new Date() } });
    }
    const access = await this.access.forUser(userId);
    return { userId, sessionId, ...access, ...(session.impersonatorId ? { impersonatorId: session.impersonatorId } : {}) };
  }

  async list(caller: CallerIdentity): Promise<SessionView[]> {
    const sessions = await this.db.session.findMany({
      where: { userId: caller.userId, status: 'ACTIVE', expiresAt: { gt: new Date() } },
      orderBy: { lastActivity: 'desc' },
      take: 100,
    });
    return sessions.map((s) => ({
      id: s.id,
      current: s.id === caller.sessionId,
      deviceInfo: s.deviceInfo,
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
      lastActivity: s.lastActivity.toISOString(),
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
    }));
  }

  /** Another user's session is answered exactly like a missing one. */
  async revokeOwn(caller: CallerIdentity, sessionId: string, reason = 'revoked_by_user'): Promise<void> {
    await this.uow.run(async (tx) => {
      const { count } = await tx.session.updateMany({
        where: { id: sessionId, userId: caller.userId, status: 'ACTIVE' },
        data: { status: 'REVOKED', revokedAt: new Date(), revokedReason: reason },
      });
      if (count === 0) throw notFound('IDENTITY.SESSION_NOT_FOUND', 'No such session.');
      await enqueueEvent(tx, IdentityEvents.SessionRevoked, { sessionId, userId: caller.userId, reason });
    }, PUBLISH_BEFORE_REPLY);
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const session = await tx.session.update({
        where: { id: sessionId },
        data: { status: 'REVOKED', revokedAt: new Date(), revokedReason: reason },
      });
      await enqueueEvent(tx, IdentityEvents.SessionRevoked, { sessionId, userId: session.userId, reason });
    }, PUBLISH_BEFORE_REPLY);
  }
}
