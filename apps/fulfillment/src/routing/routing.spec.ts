import { CandidateFactory, DEFAULT_RULE, route, Rule, zoneCovers } from './routing';
import { canMove, missingFields } from '../fulfillments/transitions';

const factory = (
  code: string,
  over: Partial<CandidateFactory> = {},
  variants: Record<string, [number, number, string?]> = { TEE: [5, 3] },
) =>
  ({
    id: `id-${code}`,
    code,
    supplierType: 'PRINTER',
    isActive: true,
    isPrimary: false,
    printMethods: ['DTG'],
    qualityRating: 4,
    remaining: 100,
    variants: Object.fromEntries(
      Object.entries(variants).map(([c, [price, leadTime, printMethod]]) => [
        c,
        {
          id: `sv-${code}-${c}`,
          systemVariantCode: c,
          supplierVariantCode: `${code}-${c}`,
          price,
          leadTime,
          isAvailable: true,
          printMethod: printMethod ?? null,
        },
      ]),
    ),
    locations: [{ id: `loc-${code}`, isActive: true, isDefault: true, shippingZones: ['PH'], onHand: {} }],
    ...over,
  }) as CandidateFactory;

const ph = { country: 'PH', province: 'NCR', postalCode: '1000' };
const tee = (quantity = 1, code = 'TEE') => ({ key: code, systemVariantCode: code, quantity });

describe('zoneCovers', () => {
  it.each([
    ['PH', { country: 'PH' }, true],
    ['PH', { country: 'Philippines' }, true],
    ['PH', { country: 'the philippines' }, true],
    ['PH', { country: 'US' }, false],
    ['PH:NCR', { country: 'PH', province: 'ncr' }, true],
    ['PH:NCR', { country: 'PH', province: 'Cebu' }, false],
    ['US:94', { country: 'United States', postalCode: '94107' }, true],
    ['US:94', { country: 'US', postalCode: '10001' }, false],
    ['US:94', { country: 'US' }, false],
    ['PH', { country: 'Atlantis' }, false],
  ])('%s covers %j: %s', (zone, destination, expected) => {
    expect(zoneCovers(zone, destination)).toBe(expected);
  });
});

describe('route', () => {
  const run = (factories: CandidateFactory[], items = [tee()], rules: Rule[] = [], destination = ph) =>
    route({ items, destination, storeId: null, rules, factories });
  const chosen = (r: ReturnType<typeof run>) => (r.outcome === 'ROUTED' ? r.assignments.map((a) => a.factoryId.slice(3)) : r.holdReason);

  it('puts the primary first, then the lowest price, under the default rule', () => {
    expect(chosen(run([factory('A', {}, { TEE: [4, 3] }), factory('B', { isPrimary: true }, { TEE: [6, 3] })]))).toEqual(['B']);
    expect(chosen(run([factory('A', {}, { TEE: [4, 3] }), factory('B', {}, { TEE: [6, 3] })]))).toEqual(['A']);
  });

  it('ranks by the rule: shortest lead time, best quality', () => {
    const fs = [factory('A', { qualityRating: 3 }, { TEE: [4, 5] }), factory('B', { qualityRating: 5 }, { TEE: [6, 2] })];
    const rule = (sort: Rule['sort']): Rule => ({ ...DEFAULT_RULE, id: 'r', name: 'r', sort });
    expect(chosen(run(fs, [tee()], [rule(['SHORTEST_LEAD_TIME'])]))).toEqual(['B']);
    expect(chosen(run(fs, [tee()], [rule(['LOWEST_PRICE'])]))).toEqual(['A']);
    expect(chosen(run(fs, [tee()], [rule(['BEST_QUALITY'])]))).toEqual(['B']);
  });

  it('explains every candidate: rank for the fitting, the reason for the others', () => {
    const r = run([
      factory('A', {}, { TEE: [4, 3] }),
      factory('B', { locations: [{ id: 'l', isActive: true, isDefault: true, shippingZones: ['US'], onHand: {} }] }),
      factory('C', { remaining: 0 }),
      factory('D', { printMethods: ['SCREEN'] }, { TEE: [1, 1, 'DTG'] }),
      factory('E', {}, { HOODIE: [1, 1] }),
      factory('F', { locations: [{ id: 'l', isActive: true, isDefault: true, shippingZones: ['PH'], onHand: { 'F-TEE': 0 } }] }),
    ]);
    expect(r.outcome).toBe('ROUTED');
    const c = r.outcome === 'ROUTED' ? r.assignments[0].candidates : [];
    const by = Object.fromEntries(c.map((x) => [x.code, x.rejected ?? x.rank]));
    expect(by).toEqual({ A: 1, B: 'NO_ZONE', C: 'CAPACITY', D: 'PRINT_METHOD', E: 'NO_VARIANT', F: 'NO_STOCK' });
    expect(c[0]).toMatchObject({ code: 'A', price: '4.00', leadTime: 3, isPrimary: false });
  });

  it('prefers one factory for the whole order, and splits into the fewest factories otherwise', () => {
    const both = factory('BOTH', {}, { TEE: [9, 3], MUG: [9, 3] });
    const teeOnly = factory('T', {}, { TEE: [1, 1] });
    const mugOnly = factory('M', {}, { MUG: [1, 1] });
    expect(chosen(run([both, teeOnly, mugOnly], [tee(), tee(1, 'MUG')]))).toEqual(['BOTH']);
    expect(chosen(run([teeOnly, mugOnly], [tee(), tee(1, 'MUG')]))).toEqual(['T', 'M']);
    const twoOfThree = factory('TM', {}, { TEE: [1, 1], MUG: [1, 1] });
    const cap = factory('CAP', {}, { CAP: [1, 1] });
    expect(chosen(run([teeOnly, mugOnly, twoOfThree, cap], [tee(), tee(1, 'MUG'), tee(1, 'CAP')]))).toEqual(['TM', 'CAP']);
  });

  it('falls back: HOLD with CAPACITY or NO_FACTORY, MANUAL_QUEUE, NEXT_RULE', () => {
    expect(chosen(run([factory('A', { remaining: 1 })], [tee(2)]))).toBe('CAPACITY');
    expect(chosen(run([factory('A')], [tee(1, 'HOODIE')]))).toBe('NO_FACTORY');
    const only = (fallback: Rule['fallback'], factoryIds: string[]): Rule => ({
      id: fallback,
      name: fallback,
      filters: { factoryIds },
      sort: [],
      fallback,
    });
    expect(chosen(run([factory('A')], [tee()], [only('MANUAL_QUEUE', ['nope'])]))).toBe('MANUAL');
    const r = run([factory('A'), factory('B')], [tee()], [only('NEXT_RULE', ['nope']), only('HOLD', ['id-B'])]);
    expect(chosen(r)).toEqual(['B']);
    expect(r.rule.id).toBe('HOLD');
  });

  it('applies rules to their countries and stores only, and filters factories by type, quality and print method', () => {
    const us: Rule = { id: 'us', name: 'us', filters: { countries: ['US'] }, sort: [], fallback: 'HOLD' };
    expect(run([factory('A')], [tee()], [us]).rule.id).toBeNull();
    const quality: Rule = {
      id: 'q',
      name: 'q',
      filters: { minQualityRating: 4.5, supplierTypes: ['PRINTER'] },
      sort: [],
      fallback: 'HOLD',
    };
    expect(chosen(run([factory('A'), factory('B', { qualityRating: 4.8 })], [tee()], [quality]))).toEqual(['B']);
    const screen: Rule = { id: 's', name: 's', filters: { printMethods: ['SCREEN'] }, sort: [], fallback: 'HOLD' };
    expect(chosen(run([factory('A'), factory('B', { printMethods: ['SCREEN'] })], [tee()], [screen]))).toEqual(['B']);
  });

  it('counts blanks and capacity across the items of one order', () => {
    const loc = { id: 'l', isActive: true, isDefault: true, shippingZones: ['PH'], onHand: { 'A-TEE': 3 } };
    expect(chosen(run([factory('A', { locations: [loc] })], [tee(3)]))).toEqual(['A']);
    expect(chosen(run([factory('A', { locations: [loc] })], [tee(4)]))).toBe('CAPACITY');
  });
});

describe('status transitions', () => {
  it('allows the forward path and failing before delivery only', () => {
    expect(canMove('PENDING', 'IN_PRODUCTION')).toBe(true);
    expect(canMove('IN_PRODUCTION', 'SHIPPED')).toBe(true);
    expect(canMove('SHIPPED', 'DELIVERED')).toBe(true);
    expect(canMove('SHIPPED', 'FAILED')).toBe(true);
    expect(canMove('PENDING', 'SHIPPED')).toBe(false);
    expect(canMove('DELIVERED', 'FAILED')).toBe(false);
    expect(canMove('FAILED', 'PENDING')).toBe(false);
    expect(missingFields('SHIPPED', { carrier: 'LBC' })).toEqual(['trackingNumber']);
    expect(missingFields('FAILED', {})).toEqual(['reason']);
  });
});
