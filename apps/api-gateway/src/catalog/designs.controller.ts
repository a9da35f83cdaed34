import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DesignAction, DesignTransition, DesignView, RejectDesignDto } from '@suite/contracts/catalog';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/**
 * The design review workflow. Four routes with their own permissions send one operation,
 * DesignTransition, with their action; the rest of the designs routes are forwarded from their
 * declarations (DesignOperations).
 */
@ApiTags('designs')
@ApiBearerAuth()
@Controller('designs')
export class DesignTransitionsController {
  constructor(private readonly nats: NatsClient) {}

  @Post(':designId/submit')
  @HttpCode(200)
  @RequirePermissions('designs:update')
  @ApiOperation({ summary: 'DRAFT -> REVIEW' })
  @ApiOkResponse({ type: DesignView })
  submit(@Param('designId', ParseUUIDPipe) designId: string, @CurrentCaller() caller: CallerIdentity): Promise<DesignView> {
    return this.move(designId, 'submit', caller);
  }

  @Post(':designId/approve')
  @HttpCode(200)
  @RequirePermissions('designs:execute')
  @ApiOperation({ summary: 'REVIEW -> APPROVED (announces evt.catalog.design.approved)' })
  @ApiOkResponse({ type: DesignView })
  approve(@Param('designId', ParseUUIDPipe) designId: string, @CurrentCaller() caller: CallerIdentity): Promise<DesignView> {
    return this.move(designId, 'approve', caller);
  }

  @Post(':designId/reject')
  @HttpCode(200)
  @RequirePermissions('designs:execute')
  @ApiOperation({ summary: 'REVIEW -> DRAFT with a reason' })
  @ApiOkResponse({ type: DesignView })
  reject(
    @Param('designId', ParseUUIDPipe) designId: string,
    @Body() body: RejectDesignDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<DesignView> {
    return this.move(designId, 'reject', caller, body.reason);
  }

  @Post(':designId/archive')
  @HttpCode(200)
  @RequirePermissions('designs:update')
  @ApiOperation({ summary: 'APPROVED -> ARCHIVED' })
  @ApiOkResponse({ type: DesignView })
  archive(@Param('designId', ParseUUIDPipe) designId: string, @CurrentCaller() caller: CallerIdentity): Promise<DesignView> {
    return this.move(designId, 'archive', caller);
  }

  private move(designId: string, action: DesignAction, caller: CallerIdentity, reason?: string): Promise<DesignView> {
    return this.nats.call(DesignTransition, { designId, action, reason }, { caller });
  }
}
