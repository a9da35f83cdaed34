import { DynamicModule, Module } from '@nestjs/common';
import type { MailSettings } from './mail-config';
import { MAILER } from './mailer';
import { SmtpMailer } from './smtp-mailer';

/** `MailModule.forRoot(config)` in a service's module makes `@InjectMailer()` available to it. */
@Module({})
export class MailModule {
  static forRoot(config: MailSettings): DynamicModule {
    return {
      module: MailModule,
      providers: [{ provide: MAILER, useFactory: () => new SmtpMailer({ SMTP_URL: config.SMTP_URL, MAIL_FROM: config.MAIL_FROM }) }],
      exports: [MAILER],
    };
  }
}
