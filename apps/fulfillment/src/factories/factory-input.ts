import { CreateFactoryLocationDto, shippingZoneProblem, toCountryCode, UpdateFactoryLocationDto } from '@suite/contracts/fulfillment';
import { FieldViolation, invalid } from '@suite/platform';

/** Tags (capabilities, print methods, certifications) are kept trimmed and once each, as written. */
export const normalizeTags = (tags: string[]): string[] => [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];

/** "4.5" or 4.5 -> "4.50"; null clears. Already validated to 0..5 with two decimals at most. */
export const normalizeRating = (rating: string | number | null): string | null => (rating === null ? null : Number(rating).toFixed(2));

/**
 * The location's country as its ISO code (its English name accepted) and its shipping zones
 * upper-cased, once each; a bad one is a 400 naming `country` or `shippingZones[i]`.
 */
export function normalizeLocationInput(dto: Pick<CreateFactoryLocationDto | UpdateFactoryLocationDto, 'country' | 'shippingZones'>): {
  country?: string;
  shippingZones?: string[];
} {
  const errors: FieldViolation[] = [];
  let country: string | undefined;
  if (dto.country !== undefined) {
    country = toCountryCode(dto.country);
    if (!country) errors.push({ field: 'country', messages: ['country must be an ISO 3166-1 alpha-2 code or an English country name'] });
  }
  let shippingZones: string[] | undefined;
  if (dto.shippingZones !== undefined) {
    shippingZones = dto.shippingZones.map((z) => z.trim().toUpperCase());
    shippingZones.forEach((zone, i) => {
      const problem = shippingZoneProblem(zone);
      if (problem) errors.push({ field: `shippingZones[${i}]`, messages: [problem] });
    });
    shippingZones = [...new Set(shippingZones)];
  }
  if (errors.length > 0)
    throw invalid('FULFILLMENT.INVALID_LOCATION', `Invalid input: ${errors.map((e) => e.field).join(', ')}.`, { errors });
  return { country, shippingZones };
}
