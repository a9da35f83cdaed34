import { shippingZoneProblem, toCountryCode } from '@suite/contracts/fulfillment';
import { AppError } from '@suite/platform';
import { normalizeLocationInput, normalizeRating, normalizeTags } from './factory-input';

describe('countries', () => {
  it('takes an ISO code in any case, or the English name, and answers the code', () => {
    expect(toCountryCode('PH')).toBe('PH');
    expect(toCountryCode(' ph ')).toBe('PH');
    expect(toCountryCode('Philippines')).toBe('PH');
    expect(toCountryCode('the philippines')).toBe('PH');
    expect(toCountryCode('United States')).toBe('US');
    expect(toCountryCode('United States of America')).toBe('US');
    expect(toCountryCode('united kingdom')).toBe('GB');
    expect(toCountryCode("Côte d'Ivoire")).toBe('CI');
    expect(toCountryCode('Antigua and Barbuda')).toBe('AG');
    expect(toCountryCode('Vietnam')).toBe('VN');
  });

  it('refuses codes that are not assigned and names it does not know', () => {
    expect(toCountryCode('XX')).toBeUndefined();
    expect(toCountryCode('UK')).toBeUndefined();
    expect(toCountryCode('Atlantis')).toBeUndefined();
  });

  it('checks the country part of a shipping zone', () => {
    expect(shippingZoneProblem('PH')).toBeUndefined();
    expect(shippingZoneProblem('PH:NCR')).toBeUndefined();
    expect(shippingZoneProblem('US:94')).toBeUndefined();
    expect(shippingZoneProblem('XX:94')).toMatch(/XX is not an ISO/);
    expect(shippingZoneProblem('PHL')).toMatch(/country code/);
    expect(shippingZoneProblem('PH:')).toMatch(/country code/);
  });
});

describe('normalizeLocationInput', () => {
  it('stores the code for a country name and upper-cased zones once each', () => {
    expect(normalizeLocationInput({ country: 'Philippines', shippingZones: ['ph', 'PH:ncr', 'PH'] })).toEqual({
      country: 'PH',
      shippingZones: ['PH', 'PH:NCR'],
    });
    expect(normalizeLocationInput({})).toEqual({ country: undefined, shippingZones: undefined });
  });

  it('names each bad field: country and shippingZones[i]', () => {
    let error: unknown;
    try {
      normalizeLocationInput({ country: 'Narnia', shippingZones: ['PH', 'ZZ:1', 'nope!'] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details?.errors?.map((e) => e.field)).toEqual(['country', 'shippingZones[1]', 'shippingZones[2]']);
  });
});

describe('factory fields', () => {
  it('answers ratings as two-decimal strings', () => {
    expect(normalizeRating(4.5)).toBe('4.50');
    expect(normalizeRating('3')).toBe('3.00');
    expect(normalizeRating(null)).toBeNull();
  });

  it('trims tags and keeps each once', () => {
    expect(normalizeTags([' DTG', 'DTG', '', 'SCREEN '])).toEqual(['DTG', 'SCREEN']);
  });
});
