import { Inject } from '@nestjs/common';

/** A file sent along (a report's output); held in memory, so callers cap its size. */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType?: string;
}

/** One plain message to one person, with attachments only where a file is the point of the mail (reports). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Optional; clients that cannot render it show `text`, so `text` must say everything on its own. */
  html?: string;
  attachments?: MailAttachment[];
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
