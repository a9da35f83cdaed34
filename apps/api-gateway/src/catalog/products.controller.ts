import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogSubjects, CreateProductDto, ProductListQuery, ProductView, UpdateProductDto } from '@suite/contracts/catalog';
import { CallerIdentity, NatsClient, Page } from '@suite/platform';
import { CurrentCaller, Public, RequirePermissions } from '../auth/auth.decorators';

/** Products: reads are the public storefront; writes belong to the store's team (another team's product is 404). */
@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('products:create')
  @ApiOperation({ summary: "Create a product in one of the caller's teams' stores; the slug comes from the name" })
  @ApiOkResponse({ type: ProductView })
  create(@Body() body: CreateProductDto, @CurrentCaller() caller: CallerIdentity): Promise<ProductView> {
    return this.nats.request(CatalogSubjects.ProductCreate, body, { caller });
  }

  @Get()
  @Public()
  @ApiOperation({
    summary: "Search and filter products; ACTIVE ones for everyone, the caller's teams' in any status; keyset cursor pagination",
  })
  list(@Query() query: ProductListQuery, @CurrentCaller() caller: CallerIdentity): Promise<Page<ProductView>> {
    return this.nats.request(CatalogSubjects.ProductList, query, { caller });
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: ProductView })
  get(@Param('id', ParseUUIDPipe) productId: string, @CurrentCaller() caller: CallerIdentity): Promise<ProductView> {
    return this.nats.request(CatalogSubjects.ProductGet, { productId }, { caller });
  }

  @Patch(':id')
  @RequirePermissions('products:update')
  @ApiOkResponse({ type: ProductView })
  update(
    @Param('id', ParseUUIDPipe) productId: string,
    @Body() body: UpdateProductDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<ProductView> {
    return this.nats.request(CatalogSubjects.ProductUpdate, { productId, body }, { caller });
  }

  @Delete(':id')
  @RequirePermissions('products:delete')
  @ApiOperation({ summary: 'Soft delete: hidden from the storefront, kept for orders and reviews' })
  remove(@Param('id', ParseUUIDPipe) productId: string, @CurrentCaller() caller: CallerIdentity): Promise<{ deleted: true }> {
    return this.nats.request(CatalogSubjects.ProductDelete, { productId }, { caller });
  }
}
