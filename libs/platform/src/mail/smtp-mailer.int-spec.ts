import { AppError } from '../errors/app-error';
import { findFreePort } from '../infra/probe';
import { startTestSmtpServer, type TestSmtpServer } from '../testing/smtp-server';
import { loadConfig } from '../config/env';
import { PlatformConfig } from '../config/platform-config';
import { MailConfig, withMailConfig } from './mail-config';
import { recipientDomain, SmtpMailer } from './smtp-mailer';

describe('SmtpMailer', () => {
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.stop());

  it('delivers exactly the message it was given', async () => {
    const mailer = new SmtpMailer({ SMTP_URL: smtp.url, MAIL_FROM: 'Suite <no-reply@suite.test>' });
    const sent = await mailer.send({
      to: 'alice@example.com',
      subject: 'Your code',
      text: 'Your code is 012345.\nIt expires in 10 minutes.',
    });
    mailer.onApplicationShutdown();

    expect(sent.messageId).toMatch(/^<.+@.+>$/);
    const mail = await smtp.waitFor((m) => m.subject === 'Your code');
    expect(mail).toMatchObject({
      envelopeTo: ['alice@example.com'],
      to: 'alice@example.com',
      from: 'no-reply@suite.test',
      text: 'Your code is 012345.\nIt expires in 10 minutes.',
    });
    expect(smtp.messages.filter((m) => m.subject === 'Your code')).toHaveLength(1);
  });

  it('rejects with unavailable, and no body in the error, when no server answers', async () => {
    const port = await findFreePort('127.0.0.1');
    const mailer = new SmtpMailer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'no-reply@suite.test' });
    const error = await mailer.send({ to: 'bob@example.com', subject: 'Reset', text: 'token-s3cr3t-value' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'PLATFORM.MAIL_UNAVAILABLE' });
    expect(JSON.stringify((error as AppError).toPayload())).not.toContain('token-s3cr3t-value');
    expect((error as AppError).message).not.toContain('bob@example.com');
  });
});

describe('MailConfig', () => {
  it('defaults to a local catcher and accepts smtp:// or smtps:// only', () => {
    expect(loadConfig(MailConfig, {})).toMatchObject({ SMTP_URL: 'smtp://127.0.0.1:1025', MAIL_FROM: 'Suite <no-reply@suite.local>' });
    expect(loadConfig(MailConfig, { SMTP_URL: 'smtps://u:p@mail.example.com:465' }).SMTP_URL).toBe('smtps://u:p@mail.example.com:465');
    expect(() => loadConfig(MailConfig, { SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig(MailConfig, { MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
  });

  it('adds the two variables to a config class that already extends another', () => {
    class OtherConfig extends PlatformConfig {
      OTHER: string = 'x';
    }
    class ServiceConfig extends withMailConfig(OtherConfig) {}
    const config = loadConfig(ServiceConfig, { MAIL_FROM: 'ops@example.com', OTHER: 'y' });
    expect(config).toMatchObject({
      OTHER: 'y',
      MAIL_FROM: 'ops@example.com',
      SMTP_URL: 'smtp://127.0.0.1:1025',
      NATS_URL: 'nats://127.0.0.1:4222',
    });
    expect(() => loadConfig(ServiceConfig, { SMTP_URL: 'ftp://x' })).toThrow(/SMTP_URL/);
  });

  it('logs recipient domains only', () => {
    expect(recipientDomain('Alice@Example.COM')).toBe('example.com');
    expect(recipientDomain('nobody')).toBe('unknown');
  });
});
