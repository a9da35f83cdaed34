import { Type } from 'class-transformer';
import { IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ResolvedCaller, RevokedView } from './auth.operations';
import { ClientAware } from './client-aware';
import { PageQuery } from '@suite/contracts/core';
import { operation } from './operation';
import { IdentitySubjects } from './subjects';
import { ApiKeyPage, CreateApiKeyDto, CreatedApiKeyView } from './two-factor-api-keys.dto';

export class CreateApiKeyRequest extends ClientAware {
  @ValidateNested() @Type(() => CreateApiKeyDto) body: CreateApiKeyDto;
}
export class ApiKeyListQuery extends PageQuery {}
export class RevokeApiKeyRequest extends ClientAware {
  @IsUUID() id: string;
}
export class ResolveApiKeyRequest {
  @IsString() @MaxLength(200) key: string;
}

/** The caller's own API keys; a key is sent as the X-API-Key header and acts with its scopes. */
export const ApiKeyCreate = operation({
  subject: IdentitySubjects.ApiKeyCreate,
  request: CreateApiKeyRequest,
  response: CreatedApiKeyView,
  permissions: ['api-keys:create'],
  http: {
    method: 'POST',
    path: 'api-keys',
    body: CreateApiKeyDto,
    client: true,
    summary: 'Create a key with some of your permissions as scopes; the key is in this answer only',
  },
});

export const ApiKeyList = operation({
  subject: IdentitySubjects.ApiKeyList,
  request: ApiKeyListQuery,
  response: ApiKeyPage,
  permissions: ['api-keys:read'],
  http: {
    method: 'GET',
    path: 'api-keys',
    query: ApiKeyListQuery,
    summary: 'Your keys that are not revoked, newest first (never the key itself)',
  },
});

export const ApiKeyRevoke = operation({
  subject: IdentitySubjects.ApiKeyRevoke,
  request: RevokeApiKeyRequest,
  response: RevokedView,
  permissions: ['api-keys:delete'],
  http: {
    method: 'DELETE',
    path: 'api-keys/:id',
    client: true,
    summary: 'Revoke one of your keys: it stops working at once',
  },
});

/** Internal, gateway -> identity: whose is this X-API-Key, is it still valid, and what may it do now? */
export const ApiKeyResolve = operation({
  subject: IdentitySubjects.ApiKeyResolve,
  request: ResolveApiKeyRequest,
  response: ResolvedCaller,
});

export const ApiKeyOperations = [ApiKeyCreate, ApiKeyList, ApiKeyRevoke];
