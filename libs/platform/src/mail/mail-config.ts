import { Matches } from 'class-validator';
import { PlatformConfig } from '../config/platform-config';

type ConfigClass = new (...args: any[]) => PlatformConfig;

/**
 * Adds SMTP_URL and MAIL_FROM to any config class. A mixin rather than a base class because a
 * service's config already extends another one (identity: JwtConfig), and this keeps the two
 * variables, their defaults and their checks defined once:
 * `class IdentityConfig extends withMailConfig(JwtConfig) { ... }`.
 * The defaults point at a local catcher (Mailpit, MailHog) on its usual port, so a development
 * machine never mails a real person.
 */
export function withMailConfig<TBase extends ConfigClass>(Base: TBase) {
  // A named class declaration: legacy decorators are not allowed on class expressions.
  class WithMailConfig extends Base {
    @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be smtp://[user:pass@]host:port or smtps://[user:pass@]host:port' })
    SMTP_URL: string = 'smtp://127.0.0.1:1025';

    /** Either `name@domain` or `Display Name <name@domain>`, as the From header takes it. */
    @Matches(/^([^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
      message: 'MAIL_FROM must be an address, optionally as "Name <address>"',
    })
    MAIL_FROM: string = 'Suite <no-reply@suite.local>';
  }
  return WithMailConfig;
}

/** The platform variables plus mail, for a service whose config needs nothing else. */
export class MailConfig extends withMailConfig(PlatformConfig) {}

/** What MailModule and SmtpMailer need: any config with the two variables. */
export type MailSettings = Pick<MailConfig, 'SMTP_URL' | 'MAIL_FROM'>;
