import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, IntersectionType } from '@nestjs/swagger';
import { CatalogSubjects, CreateStoreDto, StoreFilter, StoreView, UpdateStoreDto } from '@suite/contracts/catalog';
import { CallerIdentity, NatsClient, Page, PageQuery } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

class StoreListQuery extends IntersectionType(StoreFilter, PageQuery) {}

/** A team's selling-platform stores: ownership is decided by catalog (another team's store is 404); credentials go in, never out. */
@ApiTags('stores')
@ApiBearerAuth()
@Controller('stores')
export class StoresController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('stores:create')
  @ApiOperation({ summary: "Connect a store for one of the caller's teams; credentials are stored encrypted" })
  @ApiCreatedResponse({ type: StoreView })
  create(@Body() body: CreateStoreDto, @CurrentCaller() caller: CallerIdentity): Promise<StoreView> {
    return this.nats.request(CatalogSubjects.StoreCreate, { body }, { caller });
  }

  @Get()
  @RequirePermissions('stores:read')
  @ApiOperation({ summary: "The caller's teams' stores, newest first; cursor pagination" })
  list(@Query() query: StoreListQuery, @CurrentCaller() caller: CallerIdentity): Promise<Page<StoreView>> {
    return this.nats.request(CatalogSubjects.StoreList, query, { caller });
  }

  @Get(':id')
  @RequirePermissions('stores:read')
  @ApiOkResponse({ type: StoreView })
  get(@Param('id', ParseUUIDPipe) storeId: string, @CurrentCaller() caller: CallerIdentity): Promise<StoreView> {
    return this.nats.request(CatalogSubjects.StoreGet, { storeId }, { caller });
  }

  @Patch(':id')
  @RequirePermissions('stores:update')
  @ApiOperation({ summary: 'Change the store; credentials, when given, replace the stored ones' })
  @ApiOkResponse({ type: StoreView })
  update(
    @Param('id', ParseUUIDPipe) storeId: string,
    @Body() body: UpdateStoreDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<StoreView> {
    return this.nats.request(CatalogSubjects.StoreUpdate, { storeId, body }, { caller });
  }

  // stores:update, not stores:delete: this only deactivates (reversible with PATCH isActive), which sellers may do.
  @Delete(':id')
  @RequirePermissions('stores:update')
  @ApiOperation({ summary: 'Deactivate the store (isActive false); it and its products are kept' })
  @ApiOkResponse({ type: StoreView })
  remove(@Param('id', ParseUUIDPipe) storeId: string, @CurrentCaller() caller: CallerIdentity): Promise<StoreView> {
    return this.nats.request(CatalogSubjects.StoreDeactivate, { storeId }, { caller });
  }
}
