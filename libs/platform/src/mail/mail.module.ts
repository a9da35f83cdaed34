import { DynamicModule, Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '../bootstrap/service-definition';
import type { MailSettings } from './mail-config';
import { MAILER } from './mailer';
import { SmtpMailer } from './smtp-mailer';

/**
 * `MailModule.forRoot()` in a service's module makes `@InjectMailer()` available to it. The SMTP
 * settings come from the service's config (a class built with `withMailConfig`), read at start-up.
 */
@Module({})
export class MailModule {
  static forRoot(): DynamicModule {
    return {
      module: MailModule,
      providers: [
        {
          provide: MAILER,
          useFactory: (config: MailSettings) => new SmtpMailer({ SMTP_URL: config.SMTP_URL, MAIL_FROM: config.MAIL_FROM }),
          inject: [PLATFORM_CONFIG],
        },
      ],
      exports: [MAILER],
    };
  }
}
