import { isUniqueViolationOn } from '@suite/platform';
import { randomInt } from 'node:crypto';

/** URL slug from a product name: lower-case ASCII words joined by dashes ("Café Mug!" -> "cafe-mug"). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'product';
}

/** The slug to try on the given attempt: the bare slug first, then a random suffix (a counter would race). */
export function slugCandidate(base: string, attempt: number): string {
  return attempt === 0 ? base : `${base}-${randomCode(6).toLowerCase()}`;
}

/** A search term matched literally inside ILIKE '%...%': its own %, _ and \ must not act as wildcards. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A-Z and 0-9 without the look-alikes 0/O and 1/I/L: codes are read and typed by people in factories. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const VARIANT_CODE_LENGTH = 5;

export function randomCode(length = VARIANT_CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Whether a Prisma error is a violation of the named unique index (`products_sku_key`), matched exactly. */
export const isIndexViolation = (error: unknown, index: string): boolean => isUniqueViolationOn(error, new RegExp(`"${index}"`));

/** Money leaves the service as a string with 2 decimals ("19.90"), never as a float. */
export const money = (value: { toFixed(digits: number): string } | null | undefined): string | null =>
  value == null ? null : value.toFixed(2);
