import { canonicalJson, requestHash } from './request-hash';

describe('checkout request hash', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 'z' }], c: undefined } })).toBe('{"a":{"d":[2,{"x":"z","y":1}]},"b":1}');
  });

  it('hashes the same body in any key order to the same sha256, and another body differently', () => {
    const one = requestHash({ cartId: 'c', shippingAddressId: 'a', paymentMethod: 'COD' });
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(requestHash({ paymentMethod: 'COD', notes: undefined, shippingAddressId: 'a', cartId: 'c' })).toBe(one);
    expect(requestHash({ cartId: 'c', shippingAddressId: 'a', paymentMethod: 'GCASH' })).not.toBe(one);
  });

  it('keeps array order significant', () => {
    expect(requestHash([1, 2])).not.toBe(requestHash([2, 1]));
  });
});
