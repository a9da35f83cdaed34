export * from './mailer';
export * from './mail-config';
export * from './smtp-mailer';
export * from './mail.module';
