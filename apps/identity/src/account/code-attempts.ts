import { ClientInfo } from '@suite/contracts/identity';
import { Prisma } from '@suite/db/identity';
import { isLive, MAX_WRONG_CODES, secretMatches, StoredSecret } from './one-time-secrets';

type Tx = Prisma.TransactionClient;
export type CodePurpose = 'email_verification' | 'password_reset';

/** The columns to null when a code is consumed or invalidated. */
export const CLEAR_CODE: Record<CodePurpose, Prisma.UserUpdateInput> = {
  email_verification: { emailVerificationCode: null, emailVerificationCodeExpiry: null },
  password_reset: { passwordResetCode: null, passwordResetCodeExpiry: null },
};

/**
 * Locks the user row for the rest of the transaction, so that concurrent guesses for one account
 * run one after the other and the count of wrong codes below is exact. Undefined for no account.
 */
export async function lockUserByEmail(tx: Tx, email: string): Promise<string | undefined> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>('SELECT id::text AS id FROM users WHERE email = $1 FOR UPDATE', email);
  return rows[0]?.id;
}

/**
 * Checks a typed code inside the caller's transaction (after lockUserByEmail). Wrong codes are
 * counted in the security log, keyed by the expiry of the code they were tried against (which
 * identifies that code: the User table has no counter column and the schema is not changed for
 * one); the wrong code that reaches MAX_WRONG_CODES invalidates the code. True only for a match.
 */
export async function checkCode(
  tx: Tx,
  userId: string,
  purpose: CodePurpose,
  stored: StoredSecret,
  presented: string,
  client: ClientInfo,
): Promise<boolean> {
  const now = new Date();
  if (!isLive(stored, now)) return false; // consumed, invalidated or expired: nothing left to guess
  if (secretMatches(stored, presented, now)) return true;
  const codeExpiry = stored.expiresAt.toISOString();
  const event = `${purpose}.wrong_code`;
  await tx.securityLog.create({
    data: {
      event,
      severity: 'warning',
      userId,
      ipAddress: client.ipAddress ?? null,
      userAgent: client.userAgent ?? null,
      metadata: { codeExpiry },
    },
  });
  const wrong = await tx.securityLog.count({ where: { userId, event, metadata: { path: ['codeExpiry'], equals: codeExpiry } } });
  if (wrong >= MAX_WRONG_CODES) {
    await tx.user.update({ where: { id: userId }, data: CLEAR_CODE[purpose] });
    await tx.securityLog.create({
      data: {
        event: `${purpose}.code_invalidated`,
        severity: 'warning',
        userId,
        ipAddress: client.ipAddress ?? null,
        userAgent: client.userAgent ?? null,
        metadata: { wrongCodes: wrong },
      },
    });
  }
  return false;
}
