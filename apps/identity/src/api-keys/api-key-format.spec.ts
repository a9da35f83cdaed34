import { API_KEY_PATTERN } from '@suite/contracts/identity';
import { sha256Hex } from '../security';
import { apiKeyHash, effectivePermissions, newApiKey, scopesBeyond, scopesOf } from './api-key-format';

describe('API key format', () => {
  it('makes distinct keys sk_<prefix>_<secret> whose prefix and hash are what is stored', () => {
    const { key, prefix, hash } = newApiKey();
    expect(key).toMatch(API_KEY_PATTERN);
    expect(key.startsWith(`sk_${prefix}_`)).toBe(true);
    expect(prefix).toMatch(/^[a-z0-9]{8}$/);
    expect(hash).toBe(sha256Hex(key));
    expect(hash).not.toContain(key.split('_').pop());
    const keys = new Set(Array.from({ length: 200 }, () => newApiKey().key));
    expect(keys.size).toBe(200);
  });

  it('hashes only what can be a key, so garbage never reaches the database', () => {
    const { key, hash } = newApiKey();
    expect(apiKeyHash(key)).toBe(hash);
    for (const garbage of ['', 'sk_', key.slice(0, -1), `${key}x`, key.replace('sk_', 'pk_'), key.toUpperCase(), ` ${key}`]) {
      expect(apiKeyHash(garbage)).toBeUndefined();
    }
  });
});

describe('API key scopes', () => {
  it('reads the JSON column defensively', () => {
    expect(scopesOf(['orders:read', 5, null, 'products:read'])).toEqual(['orders:read', 'products:read']);
    expect(scopesOf({ orders: 'read' })).toEqual([]);
    expect(scopesOf(null)).toEqual([]);
  });

  it('names the scopes beyond what the caller has', () => {
    expect(scopesBeyond(['orders:read', 'roles:delete', 'roles:delete', 'users:read'], ['orders:read', 'products:read'])).toEqual([
      'roles:delete',
      'users:read',
    ]);
    expect(scopesBeyond(['orders:read'], ['orders:read', 'products:read'])).toEqual([]);
  });

  it('grants the scopes the owner still has, and nothing the owner lost or never had', () => {
    expect(effectivePermissions(['orders:read', 'products:read', 'stores:read'], ['carts:read', 'orders:read', 'stores:read'])).toEqual([
      'orders:read',
      'stores:read',
    ]);
    expect(effectivePermissions(['orders:read'], [])).toEqual([]);
  });
});
