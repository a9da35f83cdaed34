import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CheckoutRequest } from '@suite/contracts/orders';
import { joinableGuestOrders } from '../customers/commands/join-guest-orders.command';
import { guestTokenHash, guestTokenMatches, newGuestToken } from './guest-token';

describe('guest lookup token', () => {
  it('is 256 random URL-safe bits, kept as its sha256 hex', () => {
    const token = newGuestToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newGuestToken()).not.toBe(token);
    expect(guestTokenHash(token)).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('matches only its own hash, and never an order without one', () => {
    const token = newGuestToken();
    expect(guestTokenMatches(token, guestTokenHash(token))).toBe(true);
    expect(guestTokenMatches(newGuestToken(), guestTokenHash(token))).toBe(false);
    expect(guestTokenMatches(token, null)).toBe(false);
    expect(guestTokenMatches(token, 'not-hex')).toBe(false);
  });
});

describe('guest orders joining an account', () => {
  it('takes the orders of the email in any case that no account has yet', () => {
    expect(joinableGuestOrders('Ana@Example.com')).toEqual({ guestEmail: 'ana@example.com', userId: null });
  });
});

describe('the inline checkout address', () => {
  const errorsOf = (shippingAddress: object, email = 'ana@example.com') =>
    validateSync(
      plainToInstance(CheckoutRequest, {
        body: { cartId: '7c0d1b9e-8a57-4d6f-9a0e-3c5f2b1d4e6a', paymentMethod: 'COD', email, shippingAddress },
      }),
    ).flatMap((e) => e.children?.flatMap((c) => [c.property, ...(c.children ?? []).map((g) => `${c.property}.${g.property}`)]) ?? []);
  const address = { firstName: 'Ana', lastName: 'Cruz', street1: '1 Rizal St', city: 'Makati', state: 'Metro Manila', postalCode: '1200' };

  it('takes a country as an ISO code or an English name, like a saved address', () => {
    expect(errorsOf({ ...address, country: 'PH' })).toEqual([]);
    expect(errorsOf({ ...address, country: 'United States' })).toEqual([]);
    expect(errorsOf({ ...address, country: 'Narnia' })).toEqual(['shippingAddress', 'shippingAddress.country']);
  });

  it('refuses a missing street and a malformed email by name', () => {
    expect(errorsOf({ ...address, street1: undefined })).toEqual(['shippingAddress', 'shippingAddress.street1']);
    expect(errorsOf(address, 'not-an-email')).toEqual(['email']);
  });
});
