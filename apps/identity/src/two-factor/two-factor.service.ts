import { Injectable } from '@nestjs/common';
import { ClientInfo } from '@suite/contracts/identity';
import { IdentityDb } from '@suite/db/identity';
import { decryptSecret, encryptionKey, encryptSecret, InjectDb } from '@suite/platform';
import { SecurityLog } from '../audit/security-log';
import { IdentityConfig } from '../config';
import { consumeBackupCode, matchTotpStep } from '../security';

/** Two sign-ins racing for the last codes change the list under each other; a few re-reads settle it. */
const CONSUME_ATTEMPTS = 3;

/** Checks second-factor codes (at sign-in and for re-authentication) and keeps TOTP secrets encrypted at rest. */
@Injectable()
export class TwoFactorService {
  private readonly key: Buffer;

  constructor(
    @InjectDb() private readonly db: IdentityDb,
    config: IdentityConfig,
    private readonly securityLog: SecurityLog,
  ) {
    this.key = encryptionKey(config);
  }

  seal(secret: string): string {
    return encryptSecret(secret, this.key);
  }

  open(box: string): string {
    return decryptSecret(box, this.key);
  }

  /**
   * True for the current TOTP code of the user's enabled secret, or for one of their unused backup
   * codes, which this spends. False when 2FA is off: there is nothing to check against.
   */
  async verify(userId: string, code: string, client: ClientInfo): Promise<boolean> {
    const user = await this.db.user.findUnique({
      where: { id: userId },
      select: { twoFactorEnabled: true, twoFactorSecret: true, twoFactorBackupCodes: true },
    });
    if (!user?.twoFactorEnabled || !user.twoFactorSecret) return false;
    const step = matchTotpStep(this.open(user.twoFactorSecret), code);
    if (step !== undefined) return this.spendTotpStep(userId, step, client);
    return this.spendBackupCode(userId, user.twoFactorBackupCodes, code, client);
  }

  /** A TOTP code counts once: only a step later than the last one used is accepted (one conditional UPDATE, so concurrent replays lose too). */
  private async spendTotpStep(userId: string, step: number, client: ClientInfo): Promise<boolean> {
    const { count } = await this.db.user.updateMany({
      where: { id: userId, OR: [{ twoFactorLastStep: null }, { twoFactorLastStep: { lt: step } }] },
      data: { twoFactorLastStep: step },
    });
    if (count === 0) await this.securityLog.record('2fa.code_replayed', 'warning', userId, client);
    return count === 1;
  }

  /**
   * Removes the matching code in one conditional UPDATE that only applies while the list is still
   * the one we checked: of two requests presenting the same code, exactly one succeeds.
   */
  private async spendBackupCode(userId: string, hashed: string[], code: string, client: ClientInfo): Promise<boolean> {
    let current = hashed;
    for (let attempt = 0; attempt < CONSUME_ATTEMPTS; attempt++) {
      const { ok, remaining } = consumeBackupCode(current, code);
      if (!ok) return false;
      const { count } = await this.db.user.updateMany({
        where: { id: userId, twoFactorEnabled: true, twoFactorBackupCodes: { equals: current } },
        data: { twoFactorBackupCodes: remaining },
      });
      if (count === 1) {
        // Worth a look: a backup code usually means the authenticator is lost (or a code was stolen).
        await this.securityLog.record('2fa.backup_code_used', 'warning', userId, client, { remaining: remaining.length });
        return true;
      }
      const fresh = await this.db.user.findUnique({
        where: { id: userId },
        select: { twoFactorEnabled: true, twoFactorBackupCodes: true },
      });
      if (!fresh?.twoFactorEnabled) return false;
      current = fresh.twoFactorBackupCodes;
    }
    return false;
  }
}
