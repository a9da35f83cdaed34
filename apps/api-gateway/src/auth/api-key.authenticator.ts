import { Injectable } from '@nestjs/common';
import { API_KEY_PATTERN, ApiKeyResolve } from '@suite/contracts/identity';
import { AppError, CallerIdentity, NatsClient, unauthorized } from '@suite/platform';

const invalidKey = () => unauthorized('AUTH.INVALID_API_KEY', 'A valid API key is required.');

/**
 * The X-API-Key path of the AuthenticationGuard. Identity answers for every request (no cache): a
 * revoked key or a role removed from its owner takes effect at once, as for sessions.
 */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(private readonly nats: NatsClient) {}

  async authenticate(header: string | string[]): Promise<CallerIdentity> {
    // Something that cannot be a key (or the header twice) never costs a NATS call.
    if (typeof header !== 'string' || !API_KEY_PATTERN.test(header)) throw invalidKey();
    try {
      return await this.nats.call(ApiKeyResolve, { key: header });
    } catch (error) {
      if (error instanceof AppError && error.kind !== 'unauthorized' && error.kind !== 'invalid') throw error; // identity down: 503, not 401
      throw invalidKey();
    }
  }
}
