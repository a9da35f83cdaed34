import { CheckoutDto } from '@suite/contracts/orders';
import { AppError, CallerIdentity } from '@suite/platform';
import { checkoutParty, inlineSnapshot } from './checkout-party';

const address = { firstName: 'Ana', lastName: 'Cruz', street1: '1 Rizal St', city: 'Makati', state: 'Metro Manila', postalCode: '1200' };
const cart = '7c0d1b9e-8a57-4d6f-9a0e-3c5f2b1d4e6a';
const dto = (extra: Partial<CheckoutDto> = {}): CheckoutDto => ({ cartId: cart, paymentMethod: 'COD', ...extra });
const anonymous: CallerIdentity = { roles: [], permissions: [], teamIds: [] };
const buyer: CallerIdentity = { userId: 'u1', roles: ['BUYER'], permissions: ['orders:create'], teamIds: [] };
const SESSION = 'guest-session-0123456789';

/** The error a call throws, for its code and the fields it names. */
function refusal(fn: () => unknown): { code: string; fields: string[] } {
  try {
    fn();
  } catch (error) {
    const e = error as AppError;
    return { code: e.code, fields: ((e.details?.errors ?? []) as { field: string }[]).map((f) => f.field) };
  }
  throw new Error('did not throw');
}

describe('who checks out', () => {
  it('makes a guest of an anonymous caller with a session, an email (lower-cased) and an inline address', () => {
    const party = checkoutParty(anonymous, SESSION, dto({ email: ' Ana@Example.COM ', shippingAddress: address }));
    expect(party).toEqual({
      kind: 'guest',
      sessionId: SESSION,
      email: 'ana@example.com',
      owner: { sessionId: SESSION },
      scope: `guest:${SESSION}`,
    });
  });

  it('refuses a guest without X-Session-Id, and names every missing guest field at once', () => {
    expect(refusal(() => checkoutParty(anonymous, undefined, dto({ email: 'a@b.co', shippingAddress: address })))).toEqual({
      code: 'ORDERS.SESSION_REQUIRED',
      fields: ['sessionId'],
    });
    expect(refusal(() => checkoutParty(anonymous, SESSION, dto()))).toEqual({
      code: 'ORDERS.GUEST_DETAILS_REQUIRED',
      fields: ['email', 'shippingAddress'],
    });
    expect(refusal(() => checkoutParty(anonymous, SESSION, dto({ email: 'a@b.co' })))).toEqual({
      code: 'ORDERS.GUEST_DETAILS_REQUIRED',
      fields: ['shippingAddress'],
    });
  });

  it("refuses a guest's address-book fields: they have none", () => {
    const body = dto({ email: 'a@b.co', shippingAddress: address, billingAddressId: cart, saveAddress: true });
    expect(refusal(() => checkoutParty(anonymous, SESSION, body))).toEqual({
      code: 'ORDERS.GUEST_DETAILS_REQUIRED',
      fields: ['billingAddressId', 'saveAddress'],
    });
  });

  it('keeps a signed-in buyer a user (their session header ignored), scoped by user id', () => {
    expect(checkoutParty(buyer, SESSION, dto({ shippingAddressId: cart }))).toEqual({
      kind: 'user',
      userId: 'u1',
      owner: { userId: 'u1' },
      scope: 'u1',
    });
    expect(checkoutParty(buyer, undefined, dto({ shippingAddress: address, saveAddress: true })).kind).toBe('user');
  });

  it('asks a signed-in buyer for exactly one address, saveAddress only with an inline one, and orders:create', () => {
    expect(refusal(() => checkoutParty(buyer, undefined, dto()))).toEqual({
      code: 'ORDERS.ADDRESS_REQUIRED',
      fields: ['shippingAddressId'],
    });
    expect(refusal(() => checkoutParty(buyer, undefined, dto({ shippingAddressId: cart, shippingAddress: address })))).toEqual({
      code: 'ORDERS.ADDRESS_AMBIGUOUS',
      fields: ['shippingAddress'],
    });
    expect(refusal(() => checkoutParty(buyer, undefined, dto({ shippingAddressId: cart, saveAddress: true })))).toEqual({
      code: 'ORDERS.ADDRESS_REQUIRED',
      fields: ['saveAddress'],
    });
    expect(refusal(() => checkoutParty({ ...buyer, permissions: [] }, undefined, dto({ shippingAddressId: cart }))).code).toBe(
      'AUTH.PERMISSION_DENIED',
    );
  });

  it("copies an inline address in a saved address's keys, absent ones as null and the default country", () => {
    expect(inlineSnapshot({ ...address, country: 'PH' })).toEqual({
      ...address,
      company: null,
      street2: null,
      country: 'PH',
      phoneNumber: null,
    });
    expect(inlineSnapshot(address).country).toBe('Philippines');
  });
});
