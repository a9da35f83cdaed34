import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogSubjects, LinkProductDesignDto, ProductDesignView } from '@suite/contracts/catalog';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** Designs printed on a product: product and design of the same team, exactly one default. */
@ApiTags('designs')
@ApiBearerAuth()
@Controller('products/:id/designs')
export class ProductDesignsController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('products:update')
  @ApiOperation({ summary: "Put one of the team's designs on the product (isDefault unsets the previous default)" })
  link(
    @Param('id', ParseUUIDPipe) productId: string,
    @Body() body: LinkProductDesignDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<ProductDesignView> {
    return this.nats.request(CatalogSubjects.ProductDesignLink, { productId, body }, { caller });
  }

  @Get()
  @RequirePermissions('products:read')
  @ApiOkResponse({ type: ProductDesignView, isArray: true })
  list(@Param('id', ParseUUIDPipe) productId: string, @CurrentCaller() caller: CallerIdentity): Promise<ProductDesignView[]> {
    return this.nats.request(CatalogSubjects.ProductDesignList, { productId }, { caller });
  }

  @Delete(':designId')
  @RequirePermissions('products:update')
  @ApiOperation({ summary: 'Take the design off the product (a removed default hands over to the oldest remaining)' })
  unlink(
    @Param('id', ParseUUIDPipe) productId: string,
    @Param('designId', ParseUUIDPipe) designId: string,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<{ deleted: true }> {
    return this.nats.request(CatalogSubjects.ProductDesignUnlink, { productId, designId }, { caller });
  }
}
