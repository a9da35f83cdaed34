import { Injectable } from '@nestjs/common';
import { AcceptedView, ClientInfo, EmailDto, ResetPasswordDto } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import { InjectDb, invalid, UnitOfWork } from '@suite/platform';
import { SecurityLog } from '../audit/security-log';
import { normalizeEmail } from '../auth/user-view';
import { hashPassword } from '../security';
import { AccountMailer } from './account-mailer';
import { checkCode, CLEAR_CODE, lockUserByEmail } from './code-attempts';
import { issueCode, issuedRecently } from './one-time-secrets';
import { assertAcceptablePassword } from './password-policy';
import { revokeUserSessions } from './revoke-sessions';
import { PUBLISH_BEFORE_REPLY } from '../rbac/publish-before-reply';

/** One answer for a wrong, expired or already used code, and for an email without an account. */
const invalidResetCode = () => invalid('IDENTITY.INVALID_RESET_CODE', 'The reset code is not valid.');

@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly mail: AccountMailer,
    private readonly securityLog: SecurityLog,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  /**
   * Always the same answer, and about the same work either way (one lookup, one write, the mail
   * goes out after the answer), so neither the body nor the time tells whether the email is known.
   * At most one code a minute per account, which bounds mail floods and guessing.
   */
  async forgot(dto: EmailDto, client: ClientInfo): Promise<AcceptedView> {
    const email = normalizeEmail(dto.email);
    const user = await this.db.user.findUnique({ where: { email }, select: { id: true, isActive: true, passwordResetCodeExpiry: true } });
    if (!user?.isActive) {
      await this.securityLog.record('password_reset.requested', 'info', null, client, {
        reason: user ? 'inactive_account' : 'unknown_email',
      });
      return { accepted: true };
    }
    if (!issuedRecently(user.passwordResetCodeExpiry)) {
      const code = issueCode();
      await this.db.user.update({
        where: { id: user.id },
        data: { passwordResetCode: code.hash, passwordResetCodeExpiry: code.expiresAt },
      });
      this.mail.sendPasswordReset(user.id, email, code.plain);
    }
    await this.securityLog.record('password_reset.requested', 'info', user.id, client);
    return { accepted: true };
  }

  /**
   * Sets the new password, spends the code, clears any lockout and revokes every session: whoever
   * knew the old password is signed out. All of it, with the events, in one transaction.
   */
  async reset(dto: ResetPasswordDto, client: ClientInfo): Promise<{ passwordReset: true }> {
    const email = normalizeEmail(dto.email);
    assertAcceptablePassword(dto.newPassword, email);
    // Hashed before the row lock (argon2 takes ~30 ms), and for wrong codes too: same time either way.
    const password = await hashPassword(dto.newPassword);
    const revoked = await this.uow.run(async (tx) => {
      const userId = await lockUserByEmail(tx, email);
      if (!userId) return undefined;
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { isActive: true, passwordResetCode: true, passwordResetCodeExpiry: true },
      });
      const stored = { hash: user.passwordResetCode, expiresAt: user.passwordResetCodeExpiry };
      if (!(await checkCode(tx, userId, 'password_reset', stored, dto.code, client)) || !user.isActive) return undefined;
      await tx.user.update({
        where: { id: userId },
        data: { ...CLEAR_CODE.password_reset, password, failedLoginAttempts: 0, lockedUntil: null },
      });
      const sessionsRevoked = await revokeUserSessions(tx, userId, 'password_reset');
      await tx.securityLog.create({
        data: {
          event: 'password.reset',
          severity: 'warning',
          userId,
          ipAddress: client.ipAddress ?? null,
          userAgent: client.userAgent ?? null,
          metadata: { sessionsRevoked },
        },
      });
      return sessionsRevoked;
    }, PUBLISH_BEFORE_REPLY);
    if (revoked === undefined) throw invalidResetCode();
    return { passwordReset: true };
  }
}
