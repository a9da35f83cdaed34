import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogSubjects, CreateSystemVariantDto, SystemVariantView, UpdateSystemVariantDto } from '@suite/contracts/catalog';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, Public, RequirePermissions } from '../auth/auth.decorators';

/** A product's system variants (size, color...), each with the 5-character code factories map to. */
@ApiTags('products')
@ApiBearerAuth()
@Controller('products/:id/variants')
export class VariantsController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('products:update')
  @ApiOperation({ summary: 'Add a variant; its unique 5-character code is generated' })
  @ApiOkResponse({ type: SystemVariantView })
  create(
    @Param('id', ParseUUIDPipe) productId: string,
    @Body() body: CreateSystemVariantDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<SystemVariantView> {
    return this.nats.request(CatalogSubjects.VariantCreate, { productId, body }, { caller });
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: SystemVariantView, isArray: true })
  list(@Param('id', ParseUUIDPipe) productId: string, @CurrentCaller() caller: CallerIdentity): Promise<SystemVariantView[]> {
    return this.nats.request(CatalogSubjects.VariantList, { productId }, { caller });
  }

  @Patch(':variantId')
  @RequirePermissions('products:update')
  @ApiOkResponse({ type: SystemVariantView })
  update(
    @Param('id', ParseUUIDPipe) productId: string,
    @Param('variantId', ParseUUIDPipe) variantId: string,
    @Body() body: UpdateSystemVariantDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<SystemVariantView> {
    return this.nats.request(CatalogSubjects.VariantUpdate, { productId, variantId, body }, { caller });
  }

  @Delete(':variantId')
  @RequirePermissions('products:update')
  remove(
    @Param('id', ParseUUIDPipe) productId: string,
    @Param('variantId', ParseUUIDPipe) variantId: string,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<{ deleted: true }> {
    return this.nats.request(CatalogSubjects.VariantDelete, { productId, variantId }, { caller });
  }
}
