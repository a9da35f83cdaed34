import { CheckoutAddressDto, CheckoutDto } from '@suite/contracts/orders';
import { CallerIdentity, invalid } from '@suite/platform';
import { requirePermission, requireSignedIn } from '../access';
import { cartOwner, CartOwner } from '../carts/cart-owner';

/** Who checks out: a signed-in buyer, or a guest known by their cart's X-Session-Id and their email. */
export type CheckoutParty =
  | { kind: 'user'; userId: string; owner: CartOwner; scope: string }
  | { kind: 'guest'; sessionId: string; email: string; owner: CartOwner; scope: string };

type FieldError = { field: string; messages: string[] };

const refuse = (code: string, message: string, errors: FieldError[]) => invalid(code, message, { errors });

/** Emails are compared without case: a guest who types Ana@Example.com later verifies ana@example.com. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * The party of a checkout and what it must send, before anything is stored: a guest needs the
 * X-Session-Id of their cart, an email and an inline shipping address, and has no address book to
 * point into; a signed-in buyer (who needs orders:create) ships to one of their addresses or to an inline one, never both.
 * The Idempotency-Key scope follows the party, so a guest's key never meets a user's.
 */
export function checkoutParty(caller: CallerIdentity, sessionId: string | undefined, dto: CheckoutDto): CheckoutParty {
  if (caller.userId || caller.apiKeyId) {
    // A signed-in caller needs orders:create as before the route was opened to guests.
    requirePermission(caller, 'orders:create');
    const userId = requireSignedIn(caller);
    if (dto.shippingAddressId && dto.shippingAddress)
      throw refuse('ORDERS.ADDRESS_AMBIGUOUS', 'Send shippingAddressId or shippingAddress, not both.', [
        { field: 'shippingAddress', messages: ['not together with shippingAddressId'] },
      ]);
    if (!dto.shippingAddressId && !dto.shippingAddress)
      throw refuse('ORDERS.ADDRESS_REQUIRED', 'Send shippingAddressId (one of your addresses) or shippingAddress.', [
        { field: 'shippingAddressId', messages: ['shippingAddressId or shippingAddress is required'] },
      ]);
    if (dto.saveAddress && !dto.shippingAddress)
      throw refuse('ORDERS.ADDRESS_REQUIRED', 'saveAddress saves an inline shippingAddress; none was sent.', [
        { field: 'saveAddress', messages: ['only with shippingAddress'] },
      ]);
    return { kind: 'user', userId, owner: { userId }, scope: userId };
  }
  const owner = cartOwner(caller, sessionId); // 400 ORDERS.SESSION_REQUIRED without one
  const missing: FieldError[] = [];
  if (!dto.email) missing.push({ field: 'email', messages: ['email is required for guest checkout'] });
  if (!dto.shippingAddress) missing.push({ field: 'shippingAddress', messages: ['shippingAddress is required for guest checkout'] });
  for (const field of ['shippingAddressId', 'billingAddressId', 'saveAddress'] as const)
    if (dto[field] !== undefined) missing.push({ field, messages: ['guests have no address book: sign in, or send shippingAddress'] });
  if (missing.length > 0)
    throw refuse('ORDERS.GUEST_DETAILS_REQUIRED', `Guest checkout: ${missing.map((m) => m.field).join(', ')}.`, missing);
  return {
    kind: 'guest',
    sessionId: owner.sessionId as string,
    email: normaliseEmail(dto.email!),
    owner,
    scope: `guest:${owner.sessionId}`,
  };
}

/** The order's copy of an inline address, in the keys of a saved address's copy (fulfilment reads them). */
export const inlineSnapshot = (a: CheckoutAddressDto) => ({
  firstName: a.firstName,
  lastName: a.lastName,
  company: a.company ?? null,
  street1: a.street1,
  street2: a.street2 ?? null,
  city: a.city,
  state: a.state,
  postalCode: a.postalCode,
  country: a.country ?? 'Philippines',
  phoneNumber: a.phoneNumber ?? null,
});
