import { randomInt } from 'node:crypto';
import { API_KEY_PATTERN } from '@suite/contracts/identity';
import { newOpaqueToken, sha256Hex } from '../security';

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const PREFIX_LENGTH = 8;

/**
 * A new key `sk_<prefix>_<secret>`. The prefix only tells keys apart in lists; the secret is 32
 * random bytes, so storing the key's SHA-256 is enough (nothing to guess from a dictionary) and a
 * leaked table holds nothing that can be presented.
 */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  let prefix = '';
  for (let i = 0; i < PREFIX_LENGTH; i++) prefix += PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)];
  const key = `sk_${prefix}_${newOpaqueToken(32)}`;
  return { key, prefix, hash: sha256Hex(key) };
}

/** The stored hash to look a presented key up by, or undefined when it cannot be one of ours. */
export function apiKeyHash(key: string): string | undefined {
  return API_KEY_PATTERN.test(key) ? sha256Hex(key) : undefined;
}

/** The `scopes` column is JSON: anything but a list of strings reads as no scopes at all. */
export function scopesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}

/** The requested scopes the caller does not have (sorted, without duplicates). */
export function scopesBeyond(requested: string[], granted: string[]): string[] {
  return [...new Set(requested)].filter((s) => !granted.includes(s)).sort();
}

/** What a key may do: its scopes, but only while its owner still has them. */
export function effectivePermissions(scopes: string[], ownerPermissions: string[]): string[] {
  return ownerPermissions.filter((p) => scopes.includes(p)).sort();
}
