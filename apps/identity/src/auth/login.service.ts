import { Injectable } from '@nestjs/common';
import { ClientInfo, LoginDto, TokenPair } from '@suite/contracts/identity';
import { IdentityDb } from '@suite/db/identity';
import { AppError, forbidden, InjectDb, unauthorized } from '@suite/platform';
import { SecurityLog } from '../audit/security-log';
import { IdentityConfig } from '../config';
import { verifyAgainstDummy, verifyPassword } from '../security';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { TokenIssuer } from './token-issuer';
import { normalizeEmail } from './user-view';

/** One answer for an unknown email and a wrong password, so sign-in reveals no accounts. */
const invalidCredentials = () => unauthorized('IDENTITY.INVALID_CREDENTIALS', 'Email or password is incorrect.');

export const accountLocked = (lockedUntil: Date) =>
  new AppError(
    'unauthorized',
    'IDENTITY.ACCOUNT_LOCKED',
    'Too many failed sign-ins; try again later.',
    { retryAfterSeconds: Math.ceil((lockedUntil.getTime() - Date.now()) / 1000) },
    423,
  );

@Injectable()
export class LoginService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly config: IdentityConfig,
    private readonly tokens: TokenIssuer,
    private readonly securityLog: SecurityLog,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async login(dto: LoginDto, client: ClientInfo): Promise<TokenPair> {
    const email = normalizeEmail(dto.email);
    const user = await this.db.user.findUnique({
      where: { email },
      select: { id: true, password: true, isActive: true, lockedUntil: true, twoFactorEnabled: true },
    });
    if (!user?.password) {
      await verifyAgainstDummy(dto.password); // same time as a wrong password
      await this.securityLog.record('login.failed', 'info', null, client, { reason: 'unknown_email' });
      throw invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await this.securityLog.record('login.rejected_locked', 'warning', user.id, client);
      throw accountLocked(user.lockedUntil);
    }
    if (!(await verifyPassword(user.password, dto.password))) {
      await this.recordFailure(user.id, client);
      throw invalidCredentials();
    }
    if (user.twoFactorEnabled) await this.checkSecondFactor(user.id, dto.twoFactorCode, client);
    if (!user.isActive) throw forbidden('IDENTITY.ACCOUNT_DISABLED', 'This account is disabled.');
    return this.startSession(user.id, client);
  }

  /** Only reached with the right password, so only someone who knows it learns that 2FA is on. */
  private async checkSecondFactor(userId: string, code: string | undefined, client: ClientInfo): Promise<void> {
    if (!code)
      throw unauthorized('IDENTITY.TWO_FACTOR_REQUIRED', 'Enter the code of your authenticator app or a backup code.', {
        twoFactorRequired: true,
      });
    if (await this.twoFactor.verify(userId, code, client)) return;
    await this.recordFailure(userId, client, 'wrong_two_factor_code'); // guessing codes locks the account like guessing passwords
    throw unauthorized('IDENTITY.INVALID_TWO_FACTOR_CODE', 'The two-factor code is not valid.');
  }

  /** Counts the failure atomically; the attempt that reaches the limit locks the account. Also used by re-authentication (2FA disable). */
  async recordFailure(userId: string, client: ClientInfo, reason = 'wrong_password'): Promise<void> {
    const { failedLoginAttempts } = await this.db.user.update({
      where: { id: userId },
      data: { failedLoginAttempts: { increment: 1 } },
      select: { failedLoginAttempts: true },
    });
    await this.securityLog.record('login.failed', 'warning', userId, client, { reason, attempt: failedLoginAttempts });
    if (failedLoginAttempts >= this.config.LOGIN_MAX_ATTEMPTS) {
      const lockedUntil = new Date(Date.now() + this.config.LOGIN_LOCK_MINUTES * 60_000);
      await this.db.user.update({ where: { id: userId }, data: { lockedUntil, failedLoginAttempts: 0 } });
      await this.securityLog.record('account.locked', 'critical', userId, client, {
        lockedUntil: lockedUntil.toISOString(),
        attempts: failedLoginAttempts,
      });
    }
  }

  async startSession(userId: string, client: ClientInfo, impersonatorId?: string): Promise<TokenPair> {
    const sessionId = crypto.randomUUID();
    const refresh = this.tokens.newRefreshToken(sessionId);
    await this.db.$transaction([
      this.db.session.create({
        data: {
          id: sessionId,
          userId,
          token: refresh.hash,
          ipAddress: client.ipAddress ?? null,
          userAgent: client.userAgent ?? null,
          impersonatorId: impersonatorId ?? null,
          expiresAt: this.tokens.refreshExpiry(),
        },
      }),
      this.db.user.update({ where: { id: userId }, data: { failedLoginAttempts: 0, lockedUntil: null, lastLoginAt: new Date() } }),
    ]);
    await this.securityLog.record('login.succeeded', 'info', userId, client, impersonatorId ? { impersonatorId } : undefined);
    return this.tokens.pair({ sub: userId, sid: sessionId, ...(impersonatorId ? { act: { sub: impersonatorId } } : {}) }, refresh.token);
  }
}
