import { Inject } from '@nestjs/common';

/** One plain message to one person. No attachments: what we send is short and carries a link or a code. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Optional; clients that cannot render it show `text`, so `text` must say everything on its own. */
  html?: string;
}

/**
 * What services depend on, so a test can hand them a fake and only the platform knows nodemailer.
 * Rejects with an AppError: `unavailable` when the mail server cannot take the message now (worth
 * a retry), `invalid` when it refused the message for good (a retry would be refused again).
 */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/** Injection token of the Mailer: `@InjectMailer() mailer: Mailer`. */
export const MAILER = Symbol('MAILER');
export const InjectMailer = () => Inject(MAILER);
