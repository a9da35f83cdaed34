import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';
import { AppError } from '../errors/app-error';
import type { MailSettings } from './mail-config';
import type { Mailer, MailMessage } from './mailer';

/** The part after the @, for logs: enough to tell which provider bounced, without naming the person. */
export function recipientDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0
    ? address
        .slice(at + 1)
        .replace(/>.*$/, '')
        .toLowerCase()
    : 'unknown';
}

/**
 * Sends through one SMTP server (SMTP_URL). Message bodies carry sign-in codes and reset tokens, so
 * neither they nor the subject nor the full address are ever logged or put into an error.
 */
export class SmtpMailer implements Mailer, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;

  constructor(private readonly settings: MailSettings) {
    this.transport = createTransport({
      url: settings.SMTP_URL,
      // nodemailer waits two minutes for a silent server by default: far longer than the NATS
      // request that triggered the mail may take.
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 15000,
      // We only ever pass strings; this stops a crafted `path`/`href` from reading files or URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const domain = recipientDomain(message.to);
    try {
      const info = await this.transport.sendMail({ from: this.settings.MAIL_FROM, ...message });
      this.logger.log({ toDomain: domain, messageId: info.messageId }, 'mail sent');
      return { messageId: info.messageId };
    } catch (error) {
      const err = error as NodemailerError;
      // The SMTP response may quote the recipient; the code and reply number say enough to act on.
      this.logger.warn({ toDomain: domain, code: err.code, responseCode: err.responseCode }, 'mail not sent');
      if (err.permanent) {
        throw new AppError('invalid', 'PLATFORM.MAIL_REJECTED', 'The mail server refused the message.', { responseCode: err.responseCode });
      }
      throw new AppError('unavailable', 'PLATFORM.MAIL_UNAVAILABLE', 'The mail server could not take the message; try again later.');
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
