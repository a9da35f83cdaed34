import { newNumericCode, newOpaqueToken, safeEqual, sha256Hex } from './tokens';

describe('tokens', () => {
  it('makes URL-safe opaque tokens of the requested size', () => {
    const token = newOpaqueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newOpaqueToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newOpaqueToken()).not.toBe(token);
  });

  it('hashes with SHA-256 as hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('makes 6-digit codes, keeps leading zeros and draws the first digit uniformly', () => {
    const draws = 20000;
    const firstDigit = new Array<number>(10).fill(0);
    for (let i = 0; i < draws; i++) {
      const code = newNumericCode();
      expect(code).toMatch(/^\d{6}$/);
      firstDigit[Number(code[0])]++;
    }
    // 2000 expected per digit (sd ~42); 1800..2200 is almost 5 sd either way.
    for (const count of firstDigit) {
      expect(count).toBeGreaterThan(1800);
      expect(count).toBeLessThan(2200);
    }
    expect(firstDigit[0]).toBeGreaterThan(0); // leading zeros happen
    expect(newNumericCode(8)).toMatch(/^\d{8}$/);
    expect(() => newNumericCode(0)).toThrow(RangeError);
  });

  it('compares strings of any lengths', () => {
    expect(safeEqual('secret', 'secret')).toBe(true);
    expect(safeEqual('secret', 'secreT')).toBe(false);
    expect(safeEqual('secret', 'secret-but-longer')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('', 'x')).toBe(false);
  });
});
