import { emailFill } from './fill-customer-email.command';

describe("a registered user's email on their shop customer", () => {
  it('creates the customer when the user has none yet, and fills an empty email', () => {
    expect(emailFill(null, false)).toBe('create');
    expect(emailFill({ email: '' }, false)).toBe('update');
  });

  it('keeps an email already set, whoever set it', () => {
    expect(emailFill({ email: 'staff-set@example.com' }, false)).toBe('keep');
    expect(emailFill({ email: 'staff-set@example.com' }, true)).toBe('keep');
  });

  it("never takes another shop customer's email", () => {
    expect(emailFill(null, true)).toBe('taken');
    expect(emailFill({ email: '' }, true)).toBe('taken');
  });
});
