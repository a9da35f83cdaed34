/** ISO 3166-1 alpha-2: every officially assigned code (249). */
export const ISO_COUNTRY_CODES: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** Common English names that differ from the CLDR name of the code (CLDR names come from Intl). */
const ALIASES: Record<string, string> = {
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  'republic of korea': 'KR',
  korea: 'KR',
  'north korea': 'KP',
  'viet nam': 'VN',
  'russian federation': 'RU',
  'ivory coast': 'CI',
  'czech republic': 'CZ',
  holland: 'NL',
  'the netherlands': 'NL',
  'the philippines': 'PH',
  burma: 'MM',
  'hong kong sar china': 'HK',
  'macao sar china': 'MO',
  macau: 'MO',
  'people s republic of china': 'CN',
  uae: 'AE',
};

const simplify = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

let byName: Map<string, string> | undefined;
/** English name (simplified) -> code, built once from Intl's region names plus the aliases. */
function names(): Map<string, string> {
  if (byName) return byName;
  const table = new Map<string, string>();
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const code of ISO_COUNTRY_CODES) {
    const name = display.of(code);
    if (name && name !== code) table.set(simplify(name), code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) table.set(simplify(alias), code);
  byName = table;
  return table;
}

export const isCountryCode = (value: string): boolean => ISO_COUNTRY_CODES.has(value);

/**
 * The ISO 3166-1 alpha-2 code of a country given by its code (any case) or its English name
 * ("Philippines", "United States of America"); undefined when it is neither.
 */
export function toCountryCode(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return isCountryCode(trimmed.toUpperCase()) ? trimmed.toUpperCase() : undefined;
  return names().get(simplify(trimmed));
}

/** `PH`, `PH:NCR` (a region), `US:94` (a postal-code prefix): the country part must be an ISO code. */
const ZONE = /^([A-Z]{2})(?::([A-Z0-9][A-Z0-9-]{0,19}))?$/;

/** Why a shipping zone is not one, or undefined when it is. Zones are compared upper-cased. */
export function shippingZoneProblem(zone: string): string | undefined {
  const match = ZONE.exec(zone);
  if (!match) return 'must be a country code, optionally with a region or postal prefix: PH, PH:NCR, US:94';
  if (!isCountryCode(match[1])) return `${match[1]} is not an ISO 3166-1 alpha-2 country code`;
  return undefined;
}
