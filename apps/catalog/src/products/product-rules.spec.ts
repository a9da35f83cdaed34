import { isMoney } from '@suite/contracts/catalog';
import { CODE_ALPHABET, escapeLike, money, randomCode, slugCandidate, slugify } from './product-rules';

describe('product rules', () => {
  it('makes URL slugs from names', () => {
    expect(slugify('Café Mug — 11oz!')).toBe('cafe-mug-11oz');
    expect(slugify('  --Shiitake   Grow Kit-- ')).toBe('shiitake-grow-kit');
    expect(slugify('!!!')).toBe('product');
    expect(slugify('a'.repeat(200))).toHaveLength(80);
  });

  it('tries the bare slug first, then suffixed ones', () => {
    expect(slugCandidate('mug', 0)).toBe('mug');
    expect(slugCandidate('mug', 1)).toMatch(/^mug-[a-z0-9]{6}$/);
  });

  it('escapes LIKE wildcards so they match literally', () => {
    expect(escapeLike('50% off_now\\')).toBe('50\\% off\\_now\\\\');
    expect(escapeLike('plain')).toBe('plain');
  });

  it('draws 5-character codes from an alphabet without look-alikes', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const codes = Array.from({ length: 500 }, () => randomCode());
    for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}$/);
    expect(new Set(codes).size).toBeGreaterThan(490);
  });

  it('accepts money as non-negative decimals with at most 2 places and returns it as text', () => {
    for (const ok of ['19.99', '0', 5, 12.5, '99999999.99']) expect(isMoney(ok)).toBe(true);
    for (const bad of ['-1', -0.01, '1.999', 1.234, 'abc', '', '1e3', Infinity, null, '123456789']) expect(isMoney(bad)).toBe(false);
    expect(money({ toFixed: (d: number) => (19.9).toFixed(d) })).toBe('19.90');
    expect(money(null)).toBeNull();
  });
});
