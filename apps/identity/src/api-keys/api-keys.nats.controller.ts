import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ApiKeyPage, ClientInfo, CreateApiKeyDto, CreatedApiKeyView, IdentitySubjects } from '@suite/contracts/identity';
import { Caller, CallerIdentity, PageQuery } from '@suite/platform';
import { ApiKeyService } from './api-key.service';

/** Request bodies as they cross NATS: the gateway adds where the call came from, for the security log. */
class WithClient {
  @IsOptional() @ValidateNested() @Type(() => ClientInfo) client?: ClientInfo;
}
class CreateRequest extends WithClient {
  @ValidateNested() @Type(() => CreateApiKeyDto) body: CreateApiKeyDto;
}
class ListRequest {
  @IsOptional() @ValidateNested() @Type(() => PageQuery) query?: PageQuery;
}
class RevokeRequest extends WithClient {
  @IsUUID() id: string;
}
class ResolveRequest {
  @IsString() @MaxLength(200) key: string;
}

@Controller()
export class ApiKeysNatsController {
  constructor(private readonly apiKeys: ApiKeyService) {}

  @MessagePattern(IdentitySubjects.ApiKeyCreate)
  create(@Payload() request: CreateRequest, @Caller() caller: CallerIdentity): Promise<CreatedApiKeyView> {
    return this.apiKeys.create(caller, request.body, request.client ?? {});
  }

  @MessagePattern(IdentitySubjects.ApiKeyList)
  list(@Payload() request: ListRequest, @Caller() caller: CallerIdentity): Promise<ApiKeyPage> {
    return this.apiKeys.list(caller, request.query ?? {});
  }

  @MessagePattern(IdentitySubjects.ApiKeyRevoke)
  revoke(@Payload() request: RevokeRequest, @Caller() caller: CallerIdentity): Promise<{ revoked: true }> {
    return this.apiKeys.revoke(caller, request.id, request.client ?? {});
  }

  @MessagePattern(IdentitySubjects.ApiKeyResolve)
  resolve(@Payload() request: ResolveRequest): Promise<CallerIdentity> {
    return this.apiKeys.resolve(request.key);
  }
}
