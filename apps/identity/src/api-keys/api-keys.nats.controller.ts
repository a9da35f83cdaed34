import { Controller } from '@nestjs/common';
import {
  ApiKeyCreate,
  ApiKeyList,
  ApiKeyListQuery,
  ApiKeyResolve,
  ApiKeyRevoke,
  CreateApiKeyRequest,
  ResolveApiKeyRequest,
  RevokeApiKeyRequest,
} from '@suite/contracts/identity';
import { CallerIdentity, Handles } from '@suite/platform';
import { ApiKeyService } from './api-key.service';

@Controller()
export class ApiKeysNatsController {
  constructor(private readonly apiKeys: ApiKeyService) {}

  @Handles(ApiKeyCreate)
  create(request: CreateApiKeyRequest, caller: CallerIdentity) {
    return this.apiKeys.create(caller, request.body, request.client ?? {});
  }

  @Handles(ApiKeyList)
  list(query: ApiKeyListQuery, caller: CallerIdentity) {
    return this.apiKeys.list(caller, query);
  }

  @Handles(ApiKeyRevoke)
  revoke(request: RevokeApiKeyRequest, caller: CallerIdentity) {
    return this.apiKeys.revoke(caller, request.id, request.client ?? {});
  }

  @Handles(ApiKeyResolve)
  resolve(request: ResolveApiKeyRequest) {
    return this.apiKeys.resolve(request.key);
  }
}
