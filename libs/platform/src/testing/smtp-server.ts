/**
 * An SMTP server inside the test process: services under test send real SMTP to it, and the
 * spec reads what arrived. No catcher (Mailpit, MailHog) has to be installed or running.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from '../infra/probe';

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), where the message was really delivered. */
  envelopeTo: string[];
  /** The To header's addresses. */
  to: string;
  from: string;
  subject: string;
  text: string;
  html?: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, to put into SMTP_URL. */
  url: string;
  /** Every message received so far, oldest first. */
  messages: ReceivedMail[];
  /** The first message (already received or still to come) that matches; throws after timeoutMs. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

function addresses(header: AddressObject | AddressObject[] | undefined): string {
  const list = header ? (Array.isArray(header) ? header : [header]) : [];
  return list
    .flatMap((h) => h.value.map((a) => a.address ?? ''))
    .filter(Boolean)
    .join(', ');
}

export interface SmtpServerOptions {
  /** Called for every message as it arrives (the stack launcher prints them for developers). */
  onMessage?: (mail: ReceivedMail) => void;
  /** A fixed port, to stop the server and start it again where senders expect it (mail server outages); any free one by default. */
  port?: number;
  /** Share the received list of a previous server on the same port. */
  messages?: ReceivedMail[];
}

export async function startTestSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = options.messages ?? [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Senders close their connection after each message; nothing should hold stop() up.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            to: addresses(parsed.to),
            from: addresses(parsed.from),
            subject: parsed.subject ?? '',
            // mailparser keeps the line break that ends the body; the sender did not write it.
            text: (parsed.text ?? '').replace(/\r?\n$/, ''),
            html: parsed.html || undefined,
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
          };
          messages.push(mail);
          options.onMessage?.(mail);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (predicate, timeoutMs = 5000) =>
      waitFor(() => messages.find(predicate), { timeoutMs, intervalMs: 20, what: 'a matching mail at the test SMTP server' }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
