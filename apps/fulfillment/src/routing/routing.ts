import { toCountryCode } from '@suite/contracts/fulfillment';

/**
 * Routing as a pure function of the order and the candidates the database gave (see
 * candidate-query.ts): which factory makes which items, and why every other factory was not chosen.
 * No I/O here, so the rules are unit-tested and the decision is explainable from its inputs alone.
 */

export type SortKey = 'PRIMARY_FIRST' | 'LOWEST_PRICE' | 'SHORTEST_LEAD_TIME' | 'BEST_QUALITY';
export type Fallback = 'NEXT_RULE' | 'HOLD' | 'MANUAL_QUEUE';

export interface Destination {
  country: string;
  province?: string | null;
  city?: string | null;
  postalCode?: string | null;
}

export interface RouteItem {
  /** the fulfillment item's own key (order item id) */
  key: string;
  systemVariantCode: string | null;
  printMethod?: string | null;
  quantity: number;
}

export interface CandidateVariant {
  id: string;
  systemVariantCode: string;
  supplierVariantCode: string;
  price: number;
  leadTime: number;
  isAvailable: boolean;
  printMethod: string | null;
}

export interface CandidateLocation {
  id: string;
  isActive: boolean;
  isDefault: boolean;
  shippingZones: string[];
  /** blank code -> ON_HAND units, only for the codes this location keeps blanks of */
  onHand: Record<string, number>;
}

export interface CandidateFactory {
  id: string;
  code: string;
  supplierType: string;
  isActive: boolean;
  isPrimary: boolean;
  printMethods: string[];
  qualityRating: number | null;
  /** capacity minus the units routed to it today */
  remaining: number;
  /** by systemVariantCode */
  variants: Record<string, CandidateVariant>;
  locations: CandidateLocation[];
}

export interface RuleFilters {
  countries?: string[];
  storeIds?: string[];
  printMethods?: string[];
  supplierTypes?: string[];
  factoryIds?: string[];
  minQualityRating?: number;
}

export interface Rule {
  id: string | null;
  name: string;
  filters: RuleFilters;
  sort: SortKey[];
  fallback: Fallback;
}

export const DEFAULT_RULE: Rule = { id: null, name: 'default', filters: {}, sort: ['PRIMARY_FIRST', 'LOWEST_PRICE'], fallback: 'HOLD' };

export type Rejection =
  'INACTIVE' | 'NO_VARIANT' | 'VARIANT_UNAVAILABLE' | 'PRINT_METHOD' | 'RULE_FILTER' | 'NO_ZONE' | 'NO_STOCK' | 'CAPACITY' | 'EXCLUDED';

export interface CandidateExplanation {
  factoryId: string;
  code: string;
  rejected?: Rejection;
  rank?: number;
  /** supplier price of the items it was considered for (sum of price x quantity), 2 places */
  price: string | null;
  /** longest lead time among those items, days */
  leadTime: number | null;
  qualityRating: number | null;
  isPrimary: boolean;
}

export interface Assignment {
  factoryId: string;
  locationId: string;
  items: { key: string; supplierVariantId: string; blankCode: string | null; quantity: number }[];
  candidates: CandidateExplanation[];
}

export type RoutingResult =
  | { outcome: 'ROUTED'; rule: Rule; assignments: Assignment[] }
  | { outcome: 'HELD'; rule: Rule; holdReason: 'NO_FACTORY' | 'CAPACITY' | 'MANUAL'; candidates: CandidateExplanation[] };

const norm = (s: string | null | undefined) => (s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Whether a shipping zone covers the destination: "PH" the whole country, "PH:NCR" a region or
 * province (compared without case, spaces or punctuation), "US:94" a postal-code prefix.
 * The destination's country may be a code or an English name.
 */
export function zoneCovers(zone: string, destination: Destination): boolean {
  const country = toCountryCode(destination.country);
  if (!country) return false;
  const [zoneCountry, narrow] = zone.toUpperCase().split(':', 2);
  if (zoneCountry !== country) return false;
  if (!narrow) return true;
  const part = norm(narrow);
  if (!part) return true;
  if (norm(destination.province) === part) return true;
  const postal = norm(destination.postalCode);
  return postal.length > 0 && postal.startsWith(part);
}

/** Whether a rule applies to the order at all (its destination country and store). */
export function ruleApplies(rule: Rule, order: { country: string | undefined; storeId: string | null }): boolean {
  const f = rule.filters;
  if (f.countries?.length && (!order.country || !f.countries.includes(order.country))) return false;
  if (f.storeIds?.length && (!order.storeId || !f.storeIds.includes(order.storeId))) return false;
  return true;
}

function passesRuleFilters(rule: Rule, factory: CandidateFactory, methods: (string | null)[]): boolean {
  const f = rule.filters;
  if (f.factoryIds?.length && !f.factoryIds.includes(factory.id)) return false;
  if (f.supplierTypes?.length && !f.supplierTypes.includes(factory.supplierType)) return false;
  if (f.minQualityRating !== undefined && f.minQualityRating !== null && (factory.qualityRating ?? 0) < f.minQualityRating) return false;
  if (f.printMethods?.length) {
    const allowed = f.printMethods.map((m) => m.toUpperCase());
    for (const method of methods) {
      if (method ? !allowed.includes(method.toUpperCase()) : !factory.printMethods.some((m) => allowed.includes(m.toUpperCase())))
        return false;
    }
  }
  return true;
}

interface Fit {
  ok: true;
  locationId: string;
  price: number;
  leadTime: number;
  lines: Assignment['items'];
}
type Evaluation = Fit | { ok: false; reason: Rejection; price: number | null; leadTime: number | null };

/** The blank code a location keeps for a variant, if it keeps blanks of it (by supplier variant code, else system code). */
const blankCodeAt = (location: CandidateLocation, variant: CandidateVariant): string | null =>
  variant.supplierVariantCode in location.onHand
    ? variant.supplierVariantCode
    : variant.systemVariantCode in location.onHand
      ? variant.systemVariantCode
      : null;

/** Whether one factory can make all of `items` (under the rule, given what earlier assignments already took). */
export function evaluate(
  factory: CandidateFactory,
  items: RouteItem[],
  rule: Rule,
  destination: Destination,
  used: { units: number; blanks: Record<string, number> } = { units: 0, blanks: {} },
): Evaluation {
  let price = 0;
  let leadTime = 0;
  const variants: CandidateVariant[] = [];
  const methods: (string | null)[] = [];
  let first: Rejection | undefined;
  for (const item of items) {
    const variant = item.systemVariantCode ? factory.variants[item.systemVariantCode] : undefined;
    if (!variant) {
      first ??= 'NO_VARIANT';
      continue;
    }
    price += variant.price * item.quantity;
    leadTime = Math.max(leadTime, variant.leadTime);
    variants.push(variant);
    if (!variant.isAvailable) first ??= 'VARIANT_UNAVAILABLE';
    const method = item.printMethod ?? variant.printMethod;
    if (method && !factory.printMethods.some((m) => m.toUpperCase() === method.toUpperCase())) first ??= 'PRINT_METHOD';
    methods.push(method ?? null);
  }
  const priced = { price: variants.length ? price : null, leadTime: variants.length ? leadTime : null };
  if (!factory.isActive) return { ok: false, reason: 'INACTIVE', ...priced };
  if (first) return { ok: false, reason: first, ...priced };
  if (!passesRuleFilters(rule, factory, methods)) return { ok: false, reason: 'RULE_FILTER', ...priced };
  const covering = factory.locations
    .filter((l) => l.isActive && l.shippingZones.some((z) => zoneCovers(z, destination)))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.id.localeCompare(b.id));
  if (covering.length === 0) return { ok: false, reason: 'NO_ZONE', ...priced };
  const units = items.reduce((n, i) => n + i.quantity, 0);
  if (factory.remaining - used.units < units) return { ok: false, reason: 'CAPACITY', ...priced };
  for (const location of covering) {
    const need: Record<string, number> = {};
    const lines = items.map((item, i) => {
      const code = blankCodeAt(location, variants[i]);
      if (code) need[code] = (need[code] ?? 0) + item.quantity;
      return { key: item.key, supplierVariantId: variants[i].id, blankCode: code, quantity: item.quantity };
    });
    const enough = Object.entries(need).every(
      ([code, n]) => (location.onHand[code] ?? 0) - (used.blanks[`${location.id}|${code}`] ?? 0) >= n,
    );
    if (enough) return { ok: true, locationId: location.id, price, leadTime, lines };
  }
  return { ok: false, reason: 'NO_STOCK', ...priced };
}

/** Orders fitting factories by the rule's sort keys, then by code so equal candidates always rank the same. */
export function compareBy(sort: SortKey[]) {
  return (a: { factory: CandidateFactory; price: number; leadTime: number }, b: typeof a): number => {
    for (const key of sort) {
      let d = 0;
      if (key === 'PRIMARY_FIRST') d = Number(b.factory.isPrimary) - Number(a.factory.isPrimary);
      else if (key === 'LOWEST_PRICE') d = Math.round(a.price * 100) - Math.round(b.price * 100);
      else if (key === 'SHORTEST_LEAD_TIME') d = a.leadTime - b.leadTime;
      else if (key === 'BEST_QUALITY') d = (b.factory.qualityRating ?? -1) - (a.factory.qualityRating ?? -1);
      if (d !== 0) return d;
    }
    return a.factory.code.localeCompare(b.factory.code);
  };
}

const money = (n: number | null) => (n === null ? null : n.toFixed(2));

/** Every factory for these items under the rule: the fitting ones ranked 1..n, the others with why not. */
export function rank(
  factories: CandidateFactory[],
  items: RouteItem[],
  rule: Rule,
  destination: Destination,
  options: { exclude?: string[]; used?: Map<string, { units: number; blanks: Record<string, number> }> } = {},
): { explanations: CandidateExplanation[]; fits: { factory: CandidateFactory; fit: Fit }[] } {
  const fits: { factory: CandidateFactory; fit: Fit; price: number; leadTime: number }[] = [];
  const explanations: CandidateExplanation[] = [];
  for (const factory of factories) {
    const base = { factoryId: factory.id, code: factory.code, qualityRating: factory.qualityRating, isPrimary: factory.isPrimary };
    const result = evaluate(factory, items, rule, destination, options.used?.get(factory.id));
    if (options.exclude?.includes(factory.id)) {
      explanations.push({ ...base, rejected: 'EXCLUDED', price: money(result.price), leadTime: result.leadTime });
    } else if (!result.ok) {
      explanations.push({ ...base, rejected: result.reason, price: money(result.price), leadTime: result.leadTime });
    } else fits.push({ factory, fit: result, price: result.price, leadTime: result.leadTime });
  }
  fits.sort(compareBy(rule.sort));
  const ranked = fits.map(({ factory, fit }, i) => ({
    factoryId: factory.id,
    code: factory.code,
    rank: i + 1,
    price: money(fit.price),
    leadTime: fit.leadTime,
    qualityRating: factory.qualityRating,
    isPrimary: factory.isPrimary,
  }));
  return { explanations: [...ranked, ...explanations], fits };
}

const take = (used: Map<string, { units: number; blanks: Record<string, number> }>, factoryId: string, fit: Fit) => {
  const u = used.get(factoryId) ?? { units: 0, blanks: {} };
  for (const line of fit.lines) {
    u.units += line.quantity;
    if (line.blankCode)
      u.blanks[`${fit.locationId}|${line.blankCode}`] = (u.blanks[`${fit.locationId}|${line.blankCode}`] ?? 0) + line.quantity;
  }
  used.set(factoryId, u);
};

/**
 * One rule: the best factory that can make every item; otherwise the fewest factories (greedy: the
 * factory taking the most remaining items, by rank on ties), each item wholly at one factory.
 * Undefined when some item has no factory under this rule.
 */
function routeUnder(
  rule: Rule,
  factories: CandidateFactory[],
  items: RouteItem[],
  destination: Destination,
  exclude: string[],
): Assignment[] | undefined {
  const whole = rank(factories, items, rule, destination, { exclude });
  if (whole.fits.length > 0) {
    const best = whole.fits[0];
    return [{ factoryId: best.factory.id, locationId: best.fit.locationId, items: best.fit.lines, candidates: whole.explanations }];
  }
  if (items.length < 2) return undefined;
  const used = new Map<string, { units: number; blanks: Record<string, number> }>();
  let remaining = [...items];
  const assignments: Assignment[] = [];
  while (remaining.length > 0) {
    let best: { factory: CandidateFactory; items: RouteItem[]; rank: number } | undefined;
    for (const item of remaining) {
      // the factories able to take this item, ranked: each then takes as many other remaining items as it can
      const ranked = rank(factories, [item], rule, destination, { exclude, used }).fits;
      // No factory takes this item now, and none will once others took more: this rule cannot place the order.
      if (ranked.length === 0) return undefined;
      ranked.forEach(({ factory }, position) => {
        const group: RouteItem[] = [];
        for (const other of remaining) {
          if (evaluate(factory, [...group, other], rule, destination, used.get(factory.id)).ok) group.push(other);
        }
        if (!best || group.length > best.items.length || (group.length === best.items.length && position < best.rank))
          best = { factory, items: group, rank: position };
      });
    }
    if (!best || best.items.length === 0) return undefined;
    const chosen = best;
    const explained = rank(factories, chosen.items, rule, destination, { exclude, used });
    const fit = evaluate(chosen.factory, chosen.items, rule, destination, used.get(chosen.factory.id)) as Fit;
    take(used, chosen.factory.id, fit);
    assignments.push({ factoryId: chosen.factory.id, locationId: fit.locationId, items: fit.lines, candidates: explained.explanations });
    remaining = remaining.filter((i) => !chosen.items.includes(i));
  }
  return assignments;
}

/**
 * Tries the applicable rules in order (the default rule when none is active or none applies).
 * A rule that places every item decides; otherwise its fallback: NEXT_RULE tries the next one, HOLD
 * holds the order (CAPACITY when capacity or blanks were what was missing, NO_FACTORY otherwise),
 * MANUAL_QUEUE holds it for a person (MANUAL). The last rule's NEXT_RULE holds.
 */
export function route(input: {
  items: RouteItem[];
  destination: Destination;
  storeId: string | null;
  rules: Rule[];
  factories: CandidateFactory[];
  exclude?: string[];
}): RoutingResult {
  const country = toCountryCode(input.destination.country);
  const applicable = input.rules.filter((r) => ruleApplies(r, { country, storeId: input.storeId }));
  const rules = applicable.length > 0 ? applicable : [DEFAULT_RULE];
  const exclude = input.exclude ?? [];
  for (const [i, rule] of rules.entries()) {
    const assignments = routeUnder(rule, input.factories, input.items, input.destination, exclude);
    if (assignments) return { outcome: 'ROUTED', rule, assignments };
    if (rule.fallback === 'NEXT_RULE' && i < rules.length - 1) continue;
    const { explanations } = rank(input.factories, input.items, rule, input.destination, { exclude });
    const perItem = input.items.map((item) => rank(input.factories, [item], rule, input.destination, { exclude }).explanations);
    const short = perItem.flat().some((c) => c.rejected === 'CAPACITY' || c.rejected === 'NO_STOCK');
    const holdReason = rule.fallback === 'MANUAL_QUEUE' ? 'MANUAL' : short ? 'CAPACITY' : 'NO_FACTORY';
    return { outcome: 'HELD', rule, holdReason, candidates: explanations };
  }
  throw new Error('unreachable: the last rule always decides');
}
