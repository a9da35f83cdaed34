import { Controller } from '@nestjs/common';
import { AuditList, AuditLogQuery, AuditRecord, AuditRecordRequest } from '@suite/contracts/identity';
import { CallerIdentity, Handles } from '@suite/platform';
import { AuditLogService } from './audit-log.service';

@Controller()
export class AuditNatsController {
  constructor(private readonly audit: AuditLogService) {}

  @Handles(AuditList)
  list(query: AuditLogQuery, caller: CallerIdentity) {
    return this.audit.list(caller, query);
  }

  @Handles(AuditRecord)
  record(r: AuditRecordRequest, caller: CallerIdentity) {
    return this.audit.recordImpersonatedRequest(caller, r.request, r.client ?? {});
  }
}
