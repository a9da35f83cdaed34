import { Injectable } from '@nestjs/common';
import { ChangePasswordDto, ClientInfo } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import { CallerIdentity, forbidden, InjectDb, invalid, UnitOfWork, unauthorized } from '@suite/platform';
import { SecurityLog } from '../audit/security-log';
import { requireSignedIn } from '../roles/access-checks';
import { hashPassword, verifyPassword } from '../security';
import { assertAcceptablePassword } from './password-policy';
import { revokeUserSessions } from './revoke-sessions';
import { PUBLISH_BEFORE_REPLY } from '../rbac/publish-before-reply';

@Injectable()
export class PasswordChangeService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly securityLog: SecurityLog,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  /**
   * Needs the current password (a stolen access token alone must not take the account over) and
   * signs out every other session; the one making the change stays signed in.
   */
  async change(caller: CallerIdentity, dto: ChangePasswordDto, client: ClientInfo): Promise<{ passwordChanged: true }> {
    const userId = requireSignedIn(caller);
    // An admin acting as someone must not be able to set (and so learn) that person's password.
    if (caller.impersonatorId) throw forbidden('IDENTITY.IMPERSONATION_FORBIDDEN', 'The password cannot be changed while impersonating.');
    const user = await this.db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, password: true } });
    if (!user) throw unauthorized('IDENTITY.NOT_SIGNED_IN', 'Sign in first.');
    if (!user.password || !(await verifyPassword(user.password, dto.currentPassword))) {
      await this.securityLog.record('password.change_failed', 'warning', user.id, client);
      throw invalid('IDENTITY.WRONG_PASSWORD', 'The current password is not correct.', {
        errors: [{ field: 'currentPassword', messages: ['is not correct'] }],
      });
    }
    assertAcceptablePassword(
      dto.newPassword,
      user.email,
      dto.newPassword === dto.currentPassword ? ['must differ from the current password'] : [],
    );
    const password = await hashPassword(dto.newPassword);
    await this.uow.run(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { password } });
      const sessionsRevoked = await revokeUserSessions(tx, user.id, 'password_changed', caller.sessionId);
      await tx.securityLog.create({
        data: {
          event: 'password.changed',
          severity: 'info',
          userId: user.id,
          ipAddress: client.ipAddress ?? null,
          userAgent: client.userAgent ?? null,
          metadata: { sessionsRevoked },
        },
      });
    }, PUBLISH_BEFORE_REPLY);
    return { passwordChanged: true };
  }
}
