import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, IntersectionType } from '@nestjs/swagger';
import { AuditLogFilter, AuditLogView, IdentitySubjects } from '@suite/contracts/identity';
import { CallerIdentity, NatsClient, Page, PageQuery } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

class AuditLogQuery extends IntersectionType(AuditLogFilter, PageQuery) {}

@ApiTags('audit-logs')
@ApiBearerAuth()
@Controller('audit-logs')
export class AuditLogsController {
  constructor(private readonly nats: NatsClient) {}

  @Get()
  @RequirePermissions('audit-logs:read')
  @ApiOperation({ summary: 'Audit rows, newest first, with before/after values; cursor pagination' })
  list(@Query() query: AuditLogQuery, @CurrentCaller() caller: CallerIdentity): Promise<Page<AuditLogView>> {
    return this.nats.request(IdentitySubjects.AuditList, query, { caller });
  }
}
