import type { MailMessage } from '@suite/platform';

/** `appUrl` + `/verify-email?token=...`; a trailing slash on appUrl is tolerated, a path prefix kept. */
export function verificationLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/verify-email?token=${encodeURIComponent(token)}`;
}

/** One message with both ways to verify: the link for a click, the code for typing on another device. */
export function verificationMail(to: string, secrets: { token: string; code: string }, appUrl: string): MailMessage {
  return {
    to,
    subject: 'Confirm your email address',
    text: [
      `Your verification code is ${secrets.code}. It expires in 15 minutes.`,
      '',
      'Or open this link within 24 hours:',
      verificationLink(appUrl, secrets.token),
      '',
      'If you did not create an account, you can ignore this message.',
    ].join('\n'),
  };
}

export function passwordResetMail(to: string, code: string): MailMessage {
  return {
    to,
    subject: 'Your password reset code',
    text: [
      `Your password reset code is ${code}. It expires in 15 minutes.`,
      '',
      'If you did not ask to reset your password, ignore this message: your password stays as it is.',
    ].join('\n'),
  };
}
