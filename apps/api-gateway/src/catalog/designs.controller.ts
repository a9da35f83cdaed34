import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, IntersectionType } from '@nestjs/swagger';
import {
  CatalogSubjects,
  CreateDesignDto,
  DesignAction,
  DesignFilter,
  DesignView,
  RejectDesignDto,
  UpdateDesignDto,
} from '@suite/contracts/catalog';
import { CallerIdentity, NatsClient, Page, PageQuery } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

class DesignListQuery extends IntersectionType(PageQuery, DesignFilter) {}

/** A team's designs and their review workflow; ownership and the transition table live in catalog. */
@ApiTags('designs')
@ApiBearerAuth()
@Controller('designs')
export class DesignsController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('designs:create')
  @ApiOperation({ summary: 'Upload a design (DRAFT); the same artwork twice is 409 with details.existingDesignId' })
  create(@Body() body: CreateDesignDto, @CurrentCaller() caller: CallerIdentity): Promise<DesignView> {
    return this.nats.request(CatalogSubjects.DesignCreate, body, { caller });
  }

  @Get()
  @RequirePermissions('designs:read')
  @ApiOperation({ summary: "The caller's teams' designs, newest first" })
  list(@Query() query: DesignListQuery, @CurrentCaller() caller: CallerIdentity): Promise<Page<DesignView>> {
    return this.nats.request(CatalogSubjects.DesignList, query, { caller });
  }

  @Get(':id')
  @RequirePermissions('designs:read')
  @ApiOkResponse({ type: DesignView })
  get(@Param('id', ParseUUIDPipe) designId: string, @CurrentCaller() caller: CallerIdentity): Promise<DesignView> {
    return this.nats.request(CatalogSubjects.DesignGet, { designId }, { caller });
  }

  @Patch(':id')
  @RequirePermissions('designs:update')
  @ApiOperation({ summary: 'Edit a DRAFT design; isAutoFulfillmentReady only on an APPROVED one' })
  update(
    @Param('id', ParseUUIDPipe) designId: string,
    @Body() body: UpdateDesignDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<DesignView> {
    return this.nats.request(CatalogSubjects.DesignUpdate, { designId, body }, { caller });
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermissions('designs:update')
  @ApiOperation({ summary: 'DRAFT -> REVIEW' })
  submit(@Param('id', ParseUUIDPipe) designId: string, @CurrentCaller() caller: CallerIdentity): Promise<DesignView> {
    return this.move(designId, 'submit', caller);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermissions('designs:execute')
  @ApiOperation({ summary: 'REVIEW -> APPROVED (announces evt.catalog.design.approved)' })
  approve(@Param('id', ParseUUIDPipe) designId: string, @CurrentCaller() caller: CallerIdentity): Promise<DesignView> {
    return this.move(designId, 'approve', caller);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermissions('designs:execute')
  @ApiOperation({ summary: 'REVIEW -> DRAFT with a reason' })
  reject(
    @Param('id', ParseUUIDPipe) designId: string,
    @Body() body: RejectDesignDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<DesignView> {
    return this.move(designId, 'reject', caller, body.reason);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @RequirePermissions('designs:update')
  @ApiOperation({ summary: 'APPROVED -> ARCHIVED' })
  archive(@Param('id', ParseUUIDPipe) designId: string, @CurrentCaller() caller: CallerIdentity): Promise<DesignView> {
    return this.move(designId, 'archive', caller);
  }

  private move(designId: string, action: DesignAction, caller: CallerIdentity, reason?: string): Promise<DesignView> {
    return this.nats.request(CatalogSubjects.DesignTransition, { designId, action, reason }, { caller });
  }
}
