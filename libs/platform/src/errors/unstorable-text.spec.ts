import { findUnstorableText } from './unstorable-text';

describe('findUnstorableText', () => {
  it('accepts ordinary text, emoji (paired surrogates) and non-string values', () => {
    expect(findUnstorableText({ name: 'Oyster 🍄 kit', n: 3, ok: true, tags: ['a', 'ñ'], nested: { at: null } })).toEqual([]);
  });

  it('names each field holding NUL or an unpaired surrogate, by path', () => {
    const found = findUnstorableText({ a: 'x\u0000', b: { c: ['fine', '\uD800'] }, d: '\uDC00lead', e: '🍄' });
    expect(found.map((v) => v.field)).toEqual(['a', 'b.c[1]', 'd']);
  });

  it('uses the parameter name for a bare query or path value, and checks object keys', () => {
    expect(findUnstorableText('a\u0000b', 'search').map((v) => v.field)).toEqual(['search']);
    expect(findUnstorableText({ meta: { 'k\u0000': 1 } }).map((v) => v.field)).toEqual(['meta']);
  });
});
