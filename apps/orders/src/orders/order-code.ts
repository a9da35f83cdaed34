import { randomInt } from 'node:crypto';

/** A-Z and 2-9 without the look-alikes I, L, O (0 and 1 are not in the set at all): read aloud and typed by people. */
export const ORDER_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ORDER_CODE_LENGTH = 9;

/** Random, not sequential: a code must not let anyone guess how many orders exist or find the next one. */
export function newOrderCode(): string {
  let code = '';
  for (let i = 0; i < ORDER_CODE_LENGTH; i++) code += ORDER_CODE_ALPHABET[randomInt(ORDER_CODE_ALPHABET.length)];
  return code;
}

export function formatOrderNumber(year: number, value: number): string {
  return `ORD-${year}-${String(value).padStart(6, '0')}`;
}
