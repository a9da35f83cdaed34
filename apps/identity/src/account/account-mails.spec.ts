import { passwordResetMail, verificationLink, verificationMail } from './account-mails';

describe('account mails', () => {
  it('builds the verification link on APP_URL, keeping a path prefix and escaping the token', () => {
    expect(verificationLink('https://app.example.com', 'abc_-1')).toBe('https://app.example.com/verify-email?token=abc_-1');
    expect(verificationLink('https://example.com/suite/', 'a+b')).toBe('https://example.com/suite/verify-email?token=a%2Bb');
  });

  it('sends the link and the code in one plain-text message to the account address', () => {
    const mail = verificationMail('maria@example.com', { token: 'T0k3n_value-xyz', code: '004217' }, 'http://localhost:3000');
    expect(mail.to).toBe('maria@example.com');
    expect(mail.subject).toBe('Confirm your email address');
    expect(mail.text).toContain('004217');
    expect(mail.text).toContain('http://localhost:3000/verify-email?token=T0k3n_value-xyz');
    expect(mail.text).toMatch(/15 minutes/);
    expect(mail.text).toMatch(/24 hours/);
  });

  it('mails the reset code and says what to do when it was not asked for', () => {
    const mail = passwordResetMail('maria@example.com', '918273');
    expect(mail).toMatchObject({ to: 'maria@example.com', subject: 'Your password reset code' });
    expect(mail.text).toContain('918273');
    expect(mail.text).toMatch(/did not ask/);
  });
});
