import { Injectable } from '@nestjs/common';
import { ApiKeyPage, ApiKeyView, ClientInfo, CreateApiKeyDto, CreatedApiKeyView } from '@suite/contracts/identity';
import { IdentityDb } from '@suite/db/identity';
import {
  CallerIdentity,
  forbidden,
  InjectDb,
  invalid,
  newestFirstAfter,
  notFound,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
  unauthorized,
} from '@suite/platform';
import { requireSignedIn } from '../roles/access-checks';
import { AccessResolver } from '../auth/access-resolver';
import { SecurityLog } from '../audit/security-log';
import { apiKeyHash, effectivePermissions, newApiKey, scopesBeyond, scopesOf } from './api-key-format';

/** lastUsedAt is written at most this often per key, so using a key is a read on most requests. */
const LAST_USED_RESOLUTION_MS = 60_000;
const VIEW_SELECT = { id: true, name: true, keyPrefix: true, scopes: true, expiresAt: true, lastUsedAt: true, createdAt: true } as const;

/** One answer for unknown, revoked and expired keys and for keys of disabled accounts: none tells a caller more. */
const invalidKey = () => unauthorized('IDENTITY.INVALID_API_KEY', 'The API key is not valid.');

interface KeyRow {
  id: string;
  name: string;
  keyPrefix: string;
  scopes: unknown;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

/** The only shape in which a key leaves the service after creation: never its hash or secret. */
function toView(k: KeyRow): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: k.keyPrefix,
    scopes: scopesOf(k.scopes),
    expiresAt: k.expiresAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
  };
}

@Injectable()
export class ApiKeyService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly access: AccessResolver,
    private readonly securityLog: SecurityLog,
  ) {}

  /**
   * The key is in this answer only. Its scopes must be permissions the caller has right now (for a
   * caller using a key: that key's effective ones), so no key can be used to mint a stronger one.
   */
  async create(caller: CallerIdentity, dto: CreateApiKeyDto, client: ClientInfo): Promise<CreatedApiKeyView> {
    const userId = requireSignedIn(caller);
    // A key would outlive the impersonation and keep acting as the user.
    if (caller.impersonatorId)
      throw forbidden('IDENTITY.IMPERSONATION_FORBIDDEN', 'API keys cannot be created while impersonating a user.');
    const extraScopes = scopesBeyond(dto.scopes, caller.permissions);
    if (extraScopes.length > 0) {
      throw forbidden('IDENTITY.SCOPES_EXCEED_PERMISSIONS', `A key cannot have permissions you do not have: ${extraScopes.join(', ')}.`, {
        extraScopes,
      });
    }
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt <= new Date()) {
      throw invalid('IDENTITY.INVALID_EXPIRY', 'expiresAt must be in the future.', {
        errors: [{ field: 'expiresAt', messages: ['expiresAt must be in the future'] }],
      });
    }
    const scopes = [...new Set(dto.scopes)].sort();
    const { key, prefix, hash } = newApiKey();
    const row = await this.db.apiKey.create({
      data: { userId, name: dto.name.trim(), keyHash: hash, keyPrefix: prefix, scopes, expiresAt },
      select: VIEW_SELECT,
    });
    await this.securityLog.record('api_key.created', 'info', userId, client, { apiKeyId: row.id, prefix, scopes });
    return { ...toView(row), key };
  }

  /** The caller's keys that are not revoked (expired ones too, so owners see why one stopped), newest first. */
  async list(caller: CallerIdentity, query: PageQuery): Promise<ApiKeyPage> {
    const userId = requireSignedIn(caller);
    const limit = pageLimit(query);
    const rows = await this.db.apiKey.findMany({
      where: { userId, revokedAt: null, ...newestFirstAfter(query.cursor) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      select: VIEW_SELECT,
    });
    return toPage(rows.map(toView), limit, (k) => timeKeyOf(k.createdAt, k.id));
  }

  /** Another user's key is answered exactly like a missing one. */
  async revoke(caller: CallerIdentity, id: string, client: ClientInfo): Promise<{ revoked: true }> {
    const userId = requireSignedIn(caller);
    const { count } = await this.db.apiKey.updateMany({
      where: { id, userId, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: 'revoked_by_user' },
    });
    if (count === 0) throw notFound('IDENTITY.API_KEY_NOT_FOUND', 'No such API key.');
    await this.securityLog.record('api_key.revoked', 'info', userId, client, { apiKeyId: id });
    return { revoked: true };
  }

  /**
   * Called by the gateway for every request with X-API-Key: the key acts as its owner, with the
   * key's scopes narrowed to what the owner may do now, so a role removed from the owner is
   * removed from their keys at once.
   */
  async resolve(key: string): Promise<CallerIdentity> {
    const hash = apiKeyHash(key);
    if (!hash) throw invalidKey();
    const row = await this.db.apiKey.findUnique({
      where: { keyHash: hash },
      select: {
        id: true,
        userId: true,
        scopes: true,
        expiresAt: true,
        revokedAt: true,
        lastUsedAt: true,
        user: { select: { isActive: true } },
      },
    });
    const now = new Date();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.user.isActive) throw invalidKey();
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
      // Conditional, so concurrent requests with one key still write once a minute.
      await this.db.apiKey.updateMany({
        where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
        data: { lastUsedAt: now },
      });
    }
    const access = await this.access.forUser(row.userId);
    return {
      userId: row.userId,
      apiKeyId: row.id,
      roles: access.roles,
      permissions: effectivePermissions(scopesOf(row.scopes), access.permissions),
      teamIds: access.teamIds,
    };
  }
}
