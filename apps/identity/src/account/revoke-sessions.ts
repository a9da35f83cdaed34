import { IdentityEvents } from '@suite/contracts/identity';
import { Prisma } from '@suite/db/identity';
import { enqueueEvent } from '@suite/platform';

/**
 * Revokes every active session of a user but `keep`, inside the caller's transaction, with one
 * SessionRevoked event per session (the same event a single revocation sends, so consumers need
 * nothing new). The gateway resolves the session on every request, so their access tokens stop
 * working at once. Returns how many were revoked.
 */
export async function revokeUserSessions(tx: Prisma.TransactionClient, userId: string, reason: string, keep?: string): Promise<number> {
  const where = { userId, status: 'ACTIVE' as const, ...(keep ? { id: { not: keep } } : {}) };
  const sessions = await tx.session.findMany({ where, select: { id: true } });
  if (sessions.length === 0) return 0;
  const ids = sessions.map((s) => s.id);
  await tx.session.updateMany({
    where: { id: { in: ids }, status: 'ACTIVE' },
    data: { status: 'REVOKED', revokedAt: new Date(), revokedReason: reason },
  });
  for (const sessionId of ids) await enqueueEvent(tx, IdentityEvents.SessionRevoked, { sessionId, userId, reason });
  return ids.length;
}
