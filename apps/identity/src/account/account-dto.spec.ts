import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { UpdateProfileDto, VerifyEmailDto } from '@suite/contracts/identity';

const badFields = (cls: new () => object, body: object) =>
  validateSync(plainToInstance(cls, body), { whitelist: true, forbidNonWhitelisted: true })
    .map((e) => e.property)
    .sort();

describe('account DTOs', () => {
  it('accepts either a token or an email with a 6-digit code', () => {
    expect(badFields(VerifyEmailDto, { token: 'x'.repeat(43) })).toEqual([]);
    expect(badFields(VerifyEmailDto, { email: 'a@example.com', code: '012345' })).toEqual([]);
    expect(badFields(VerifyEmailDto, {})).toEqual(['code', 'email', 'token']);
    expect(badFields(VerifyEmailDto, { email: 'a@example.com' })).toEqual(['code']);
    expect(badFields(VerifyEmailDto, { token: 'x'.repeat(43), code: '012345' })).toEqual(['email']);
    expect(badFields(VerifyEmailDto, { email: 'a@example.com', code: '12345' })).toEqual(['code']);
  });

  it('lets a profile change names, username, image, phone and preferences, and nothing else', () => {
    expect(
      badFields(UpdateProfileDto, {
        firstName: 'Maria',
        username: 'maria_g',
        imageUrl: 'https://cdn.example.com/a.png',
        phoneNumber: '+4915112345678',
        preferences: { theme: 'dark' },
      }),
    ).toEqual([]);
    expect(badFields(UpdateProfileDto, { firstName: null, imageUrl: null, preferences: null })).toEqual([]);
    expect(badFields(UpdateProfileDto, { email: 'x@example.com', role: 'ADMIN', emailVerified: true })).toEqual([
      'email',
      'emailVerified',
      'role',
    ]);
    expect(
      badFields(UpdateProfileDto, { username: 'a b', imageUrl: 'javascript:alert(1)', phoneNumber: '0151', preferences: ['x'] }),
    ).toEqual(['imageUrl', 'phoneNumber', 'preferences', 'username']);
  });
});
