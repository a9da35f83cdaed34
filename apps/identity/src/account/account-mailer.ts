import { Injectable, Logger } from '@nestjs/common';
import { AppError, InjectMailer, type Mailer, type MailMessage } from '@suite/platform';
import { IdentityConfig } from '../config';
import { passwordResetMail, verificationMail } from './account-mails';

/**
 * Sends account mails without making the caller wait: the request that caused a mail has already
 * committed its change (a mail failure must not undo an account), and an answer that waited for
 * SMTP would take longer for known emails than for unknown ones. Failures are logged by user id
 * and purpose only: the address and the body (which holds the secret) never reach a log.
 */
@Injectable()
export class AccountMailer {
  private readonly logger = new Logger('AccountMailer');

  constructor(
    @InjectMailer() private readonly mailer: Mailer,
    private readonly config: IdentityConfig,
  ) {}

  sendVerification(userId: string, email: string, secrets: { token: string; code: string }): void {
    this.sendInBackground(userId, 'email_verification', verificationMail(email, secrets, this.config.APP_URL));
  }

  sendPasswordReset(userId: string, email: string, code: string): void {
    this.sendInBackground(userId, 'password_reset', passwordResetMail(email, code));
  }

  private sendInBackground(userId: string, purpose: string, message: MailMessage): void {
    this.mailer.send(message).catch((error: unknown) => {
      const code = error instanceof AppError ? error.code : 'UNKNOWN';
      this.logger.error({ userId, purpose, code }, 'account mail not sent');
    });
  }
}
