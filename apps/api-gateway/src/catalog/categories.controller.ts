import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogSubjects, CategoryNode, CategoryQuery, CategoryView, CreateCategoryDto, UpdateCategoryDto } from '@suite/contracts/catalog';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, Public, RequirePermissions } from '../auth/auth.decorators';

/** The category tree: public reads for the storefront (inactive ones only for catalog managers), changes with categories:*. */
@ApiTags('categories')
@Controller('categories')
export class CategoriesController {
  constructor(private readonly nats: NatsClient) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Categories: flat by sortOrder, or nested with ?tree=true' })
  @ApiOkResponse({ type: CategoryNode, isArray: true })
  list(@Query() query: CategoryQuery, @CurrentCaller() caller: CallerIdentity): Promise<CategoryView[] | CategoryNode[]> {
    return this.nats.request(CatalogSubjects.CategoryList, query, { caller });
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: CategoryView })
  get(@Param('id', ParseUUIDPipe) categoryId: string, @CurrentCaller() caller: CallerIdentity): Promise<CategoryView> {
    return this.nats.request(CatalogSubjects.CategoryGet, { categoryId }, { caller });
  }

  @Post()
  @ApiBearerAuth()
  @RequirePermissions('categories:create')
  @ApiOperation({ summary: 'Create a category; its slug is made from the name and kept unique' })
  @ApiCreatedResponse({ type: CategoryView })
  create(@Body() body: CreateCategoryDto, @CurrentCaller() caller: CallerIdentity): Promise<CategoryView> {
    return this.nats.request(CatalogSubjects.CategoryCreate, { body }, { caller });
  }

  @Patch(':id')
  @ApiBearerAuth()
  @RequirePermissions('categories:update')
  @ApiOperation({ summary: 'Change or move a category; under itself or a subcategory is 409 CATALOG.CATEGORY_CYCLE' })
  @ApiOkResponse({ type: CategoryView })
  update(
    @Param('id', ParseUUIDPipe) categoryId: string,
    @Body() body: UpdateCategoryDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<CategoryView> {
    return this.nats.request(CatalogSubjects.CategoryUpdate, { categoryId, body }, { caller });
  }

  @Delete(':id')
  @ApiBearerAuth()
  @RequirePermissions('categories:delete')
  @ApiOperation({ summary: 'Delete a category without subcategories (409 otherwise)' })
  remove(@Param('id', ParseUUIDPipe) categoryId: string, @CurrentCaller() caller: CallerIdentity): Promise<{ deleted: true }> {
    return this.nats.request(CatalogSubjects.CategoryDelete, { categoryId }, { caller });
  }
}
