import { Injectable } from '@nestjs/common';
import {
  ClientInfo,
  DisableTwoFactorDto,
  EnableTwoFactorDto,
  TwoFactorBackupCodesView,
  TwoFactorSetupView,
} from '@suite/contracts/identity';
import { IdentityDb } from '@suite/db/identity';
import { CallerIdentity, conflict, forbidden, InjectDb, invalid } from '@suite/platform';
import { requireSignedIn } from '../roles/access-checks';
import { SecurityLog } from '../audit/security-log';
import { accountLocked, LoginService } from '../auth/login.service';
import { newBackupCodes, newTotpSecret, otpauthUri, verifyPassword, verifyTotp } from '../security';
import { TwoFactorService } from './two-factor.service';

/** The name authenticator apps show next to the account. */
const TOTP_ISSUER = 'Suite';

const alreadyEnabled = () =>
  conflict('IDENTITY.TWO_FACTOR_ALREADY_ENABLED', 'Two-factor authentication is already on; disable it first to change the authenticator.');
const invalidCode = (field: string, message: string) =>
  invalid('IDENTITY.INVALID_TWO_FACTOR_CODE', 'The two-factor code is not valid.', { errors: [{ field, messages: [message] }] });

/**
 * Only the account holder, signed in with their password, changes their second factor: not an API
 * key (a leaked key must not be able to weaken the account) and not an admin impersonating them.
 */
function accountHolder(caller: CallerIdentity): string {
  const userId = requireSignedIn(caller);
  if (!caller.sessionId || caller.apiKeyId || caller.impersonatorId) {
    throw forbidden(
      'IDENTITY.SIGNED_IN_SESSION_REQUIRED',
      'Two-factor settings can only be changed by the account holder signed in with a password.',
    );
  }
  return userId;
}

/** Set-up, confirmation and removal of TOTP two-factor authentication. */
@Injectable()
export class TwoFactorSettingsService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly twoFactor: TwoFactorService,
    private readonly login: LoginService,
    private readonly securityLog: SecurityLog,
  ) {}

  /** A new secret, stored encrypted and pending until `enable` proves the app has it. Replaces an earlier pending one. */
  async setup(caller: CallerIdentity): Promise<TwoFactorSetupView> {
    const userId = accountHolder(caller);
    const user = await this.db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    const secret = newTotpSecret();
    // Conditional: must never replace the secret of an authenticator that is already in use.
    const { count } = await this.db.user.updateMany({
      where: { id: userId, twoFactorEnabled: false },
      data: { twoFactorSecret: this.twoFactor.seal(secret), twoFactorBackupCodes: [] },
    });
    if (count === 0) throw alreadyEnabled();
    return { otpauthUri: otpauthUri({ secret, accountName: user.email, issuer: TOTP_ISSUER }), secret };
  }

  /** Turns 2FA on once the app shows the right code; the backup codes are shown here only, their hashes kept. */
  async enable(caller: CallerIdentity, dto: EnableTwoFactorDto, client: ClientInfo): Promise<TwoFactorBackupCodesView> {
    const userId = accountHolder(caller);
    const user = await this.db.user.findUniqueOrThrow({ where: { id: userId }, select: { twoFactorEnabled: true, twoFactorSecret: true } });
    if (user.twoFactorEnabled) throw alreadyEnabled();
    if (!user.twoFactorSecret) throw conflict('IDENTITY.TWO_FACTOR_NOT_SET_UP', 'Start with POST /auth/2fa/setup.');
    if (!verifyTotp(this.twoFactor.open(user.twoFactorSecret), dto.code))
      throw invalidCode('code', 'code is not the current code of the authenticator app');
    const { plain, hashed } = newBackupCodes();
    // Conditional on the secret just checked: a set-up racing with this one cannot enable an unconfirmed secret.
    const { count } = await this.db.user.updateMany({
      where: { id: userId, twoFactorEnabled: false, twoFactorSecret: user.twoFactorSecret },
      data: { twoFactorEnabled: true, twoFactorBackupCodes: hashed },
    });
    if (count === 0) throw conflict('IDENTITY.TWO_FACTOR_SETUP_CHANGED', 'Two-factor set-up changed meanwhile; start again.');
    await this.securityLog.record('2fa.enabled', 'info', userId, client);
    return { backupCodes: plain };
  }

  /**
   * Needs the password and a code (TOTP or backup). Wrong ones count as failed sign-ins and the
   * lock applies here too: otherwise a stolen session could guess the password without limit.
   */
  async disable(caller: CallerIdentity, dto: DisableTwoFactorDto, client: ClientInfo): Promise<{ disabled: true }> {
    const userId = accountHolder(caller);
    const user = await this.db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { password: true, lockedUntil: true, twoFactorEnabled: true },
    });
    if (!user.twoFactorEnabled) throw conflict('IDENTITY.TWO_FACTOR_NOT_ENABLED', 'Two-factor authentication is not on.');
    if (user.lockedUntil && user.lockedUntil > new Date()) throw accountLocked(user.lockedUntil);
    if (!user.password || !(await verifyPassword(user.password, dto.password))) {
      await this.login.recordFailure(userId, client, 'wrong_password_disabling_2fa');
      throw invalid('IDENTITY.INVALID_PASSWORD', 'The password is incorrect.', {
        errors: [{ field: 'password', messages: ['password is incorrect'] }],
      });
    }
    if (!(await this.twoFactor.verify(userId, dto.code, client))) {
      await this.login.recordFailure(userId, client, 'wrong_two_factor_code_disabling_2fa');
      throw invalidCode('code', 'code is neither the current authenticator code nor an unused backup code');
    }
    await this.db.user.update({
      where: { id: userId },
      data: { twoFactorEnabled: false, twoFactorSecret: null, twoFactorBackupCodes: [] },
    });
    await this.securityLog.record('2fa.disabled', 'warning', userId, client);
    return { disabled: true };
  }
}
