import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyPage, ClientInfo, CreateApiKeyDto, CreatedApiKeyView, IdentitySubjects } from '@suite/contracts/identity';
import { CallerIdentity, NatsClient, PageQuery } from '@suite/platform';
import { ClientContext, CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** The caller's own API keys; a key is sent as the X-API-Key header and acts with its scopes. */
@ApiTags('api-keys')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('api-keys:create')
  @ApiOperation({ summary: 'Create a key with some of your permissions as scopes; the key is in this answer only' })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  create(
    @Body() body: CreateApiKeyDto,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<CreatedApiKeyView> {
    return this.nats.request(IdentitySubjects.ApiKeyCreate, { body, client }, { caller });
  }

  @Get()
  @RequirePermissions('api-keys:read')
  @ApiOperation({ summary: 'Your keys that are not revoked, newest first (never the key itself)' })
  @ApiOkResponse({ type: ApiKeyPage })
  list(@Query() query: PageQuery, @CurrentCaller() caller: CallerIdentity): Promise<ApiKeyPage> {
    return this.nats.request(IdentitySubjects.ApiKeyList, { query }, { caller });
  }

  @Delete(':id')
  @HttpCode(200)
  @RequirePermissions('api-keys:delete')
  @ApiOperation({ summary: 'Revoke one of your keys: it stops working at once' })
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<{ revoked: true }> {
    return this.nats.request(IdentitySubjects.ApiKeyRevoke, { id, client }, { caller });
  }
}
