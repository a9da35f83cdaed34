import { Injectable } from '@nestjs/common';
import { AcceptedView, ClientInfo, EmailDto, EmailVerifiedView, VerifyEmailDto } from '@suite/contracts/identity';
import { IdentityDb } from '@suite/db/identity';
import { InjectDb, invalid } from '@suite/platform';
import { SecurityLog } from '../audit/security-log';
import { normalizeEmail } from '../auth/user-view';
import { sha256Hex } from '../security';
import { AccountMailer } from './account-mailer';
import { checkCode, lockUserByEmail } from './code-attempts';
import { issuedRecently, newEmailVerification } from './one-time-secrets';

/** One answer for a wrong, expired or already used token or code: none of them tells anything. */
const invalidVerification = () => invalid('IDENTITY.INVALID_VERIFICATION', 'The verification token or code is not valid.');

/** Verifying consumes both secrets: the link and the code were sent together and die together. */
const VERIFIED = {
  emailVerified: true,
  emailVerificationToken: null,
  emailVerificationTokenExpiry: null,
  emailVerificationCode: null,
  emailVerificationCodeExpiry: null,
} as const;

@Injectable()
export class EmailVerificationService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly mail: AccountMailer,
    private readonly securityLog: SecurityLog,
  ) {}

  async verify(dto: VerifyEmailDto, client: ClientInfo): Promise<EmailVerifiedView> {
    const userId =
      dto.email !== undefined && dto.code !== undefined
        ? await this.byCode(normalizeEmail(dto.email), dto.code, client)
        : await this.byToken(dto.token ?? '');
    if (!userId) throw invalidVerification();
    await this.securityLog.record('email.verified', 'info', userId, client, { method: dto.email !== undefined ? 'code' : 'link' });
    return { emailVerified: true };
  }

  /** The token is 256 random bits, looked up by its hash; only the first of two concurrent uses wins. */
  private async byToken(token: string): Promise<string | undefined> {
    const hash = sha256Hex(token);
    const user = await this.db.user.findFirst({ where: { emailVerificationToken: hash }, select: { id: true } });
    if (!user) return undefined;
    const { count } = await this.db.user.updateMany({
      where: { id: user.id, emailVerificationToken: hash, emailVerificationTokenExpiry: { gt: new Date() } },
      data: VERIFIED,
    });
    return count === 1 ? user.id : undefined;
  }

  private byCode(email: string, code: string, client: ClientInfo): Promise<string | undefined> {
    return this.db.$transaction(async (tx) => {
      const userId = await lockUserByEmail(tx, email);
      if (!userId) return undefined;
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { emailVerificationCode: true, emailVerificationCodeExpiry: true },
      });
      const stored = { hash: user.emailVerificationCode, expiresAt: user.emailVerificationCodeExpiry };
      if (!(await checkCode(tx, userId, 'email_verification', stored, code, client))) return undefined;
      await tx.user.update({ where: { id: userId }, data: VERIFIED });
      return userId;
    });
  }

  /**
   * Always the same answer. A new link and code are mailed only to an active, unverified account
   * whose last code is older than a minute, which stops mail floods and endless fresh guesses.
   */
  async resend(dto: EmailDto): Promise<AcceptedView> {
    const email = normalizeEmail(dto.email);
    const user = await this.db.user.findUnique({
      where: { email },
      select: { id: true, isActive: true, emailVerified: true, emailVerificationCodeExpiry: true },
    });
    if (user?.isActive && !user.emailVerified && !issuedRecently(user.emailVerificationCodeExpiry)) {
      const verification = newEmailVerification();
      await this.db.user.update({ where: { id: user.id }, data: verification.data });
      this.mail.sendVerification(user.id, email, verification);
    }
    return { accepted: true };
  }
}
