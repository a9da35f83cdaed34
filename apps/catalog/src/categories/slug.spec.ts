import { nextFreeSlug, slugify } from './slug';

describe('slugify', () => {
  it('lower-cases, strips accents and joins words with single dashes', () => {
    expect(slugify('Pilze & Kräuter!')).toBe('pilze-krauter');
    expect(slugify('  Oyster   Mushrooms -- Grey ')).toBe('oyster-mushrooms-grey');
    expect(slugify('T-Shirts 2026')).toBe('t-shirts-2026');
  });

  it('falls back to "category" when nothing usable is left', () => {
    expect(slugify('!!!')).toBe('category');
    expect(slugify('キノコ')).toBe('category');
  });

  it('caps the length without a trailing dash', () => {
    const slug = slugify(`${'a'.repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('nextFreeSlug', () => {
  it('keeps the base when it is free, else appends the first free number from 2', () => {
    expect(nextFreeSlug('caps', [])).toBe('caps');
    expect(nextFreeSlug('caps', ['caps'])).toBe('caps-2');
    expect(nextFreeSlug('caps', ['caps', 'caps-2', 'caps-4'])).toBe('caps-3');
  });
});
