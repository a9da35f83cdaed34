import { Injectable } from '@nestjs/common';
import { AcceptedView, ClientInfo, EmailDto, EmailVerified, EmailVerifiedView, VerifyEmailDto } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import { enqueueEvent, InjectDb, invalid, UnitOfWork } from '@suite/platform';
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
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
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
    return this.uow.run(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: user.id, emailVerificationToken: hash, emailVerificationTokenExpiry: { gt: new Date() } },
        data: VERIFIED,
      });
      if (count !== 1) return undefined;
      await announceVerified(tx, user.id);
      return user.id;
    });
  }

  private byCode(email: string, code: string, client: ClientInfo): Promise<string | undefined> {
    return this.uow.run(async (tx) => {
      const userId = await lockUserByEmail(tx, email);
      if (!userId) return undefined;
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { emailVerificationCode: true, emailVerificationCodeExpiry: true },
      });
      const stored = { hash: user.emailVerificationCode, expiresAt: user.emailVerificationCodeExpiry };
      if (!(await checkCode(tx, userId, 'email_verification', stored, code, client))) return undefined;
      await tx.user.update({ where: { id: userId }, data: VERIFIED });
      await announceVerified(tx, userId);
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

/** With the verification's commit: orders links the guest orders placed under this email to the account. */
async function announceVerified(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const { email } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  await enqueueEvent(tx, EmailVerified, { userId, email });
}
