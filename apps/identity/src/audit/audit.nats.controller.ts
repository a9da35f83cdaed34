import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { AuditLogFilter, AuditLogView, IdentitySubjects, ImpersonatedRequestRecord } from '@suite/contracts/identity';
import { Caller, CallerIdentity, Page, PageQuery } from '@suite/platform';
import { AuditLogService } from './audit-log.service';
import { ClientAware } from './client-aware';

class AuditListRequest extends IntersectionType(AuditLogFilter, PageQuery) {}
class AuditRecordRequest extends ClientAware {
  @ValidateNested() @Type(() => ImpersonatedRequestRecord) request: ImpersonatedRequestRecord;
}

@Controller()
export class AuditNatsController {
  constructor(private readonly audit: AuditLogService) {}

  @MessagePattern(IdentitySubjects.AuditList)
  list(@Payload() query: AuditListRequest, @Caller() caller: CallerIdentity): Promise<Page<AuditLogView>> {
    return this.audit.list(caller, query);
  }

  @MessagePattern(IdentitySubjects.AuditRecord)
  record(@Payload() body: AuditRecordRequest, @Caller() caller: CallerIdentity): Promise<{ recorded: true }> {
    return this.audit.recordImpersonatedRequest(caller, body.request, body.client ?? {});
  }
}
