import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiUsageByEndpoint,
  ApiUsageByEndpointQuery,
  ApiUsageByKey,
  ApiUsageByKeyQuery,
  ApiUsageByUser,
  ApiUsageByUserQuery,
  ApiUsageRecord,
  ApiUsageRecordRequest,
  RateLimitList,
  RateLimitQuery,
} from '@suite/contracts/analytics';
import { CallerIdentity, Handles } from '@suite/platform';
import { ApiUsageService } from './api-usage.service';
import { RecordApiUsageCommand } from './record-api-usage.command';

@Controller()
export class ApiUsageNatsController {
  constructor(
    private readonly usage: ApiUsageService,
    private readonly commands: CommandBus,
  ) {}

  /** The gateway's batches; answered after commit, which is the gateway's signal to forget them. */
  @Handles(ApiUsageRecord)
  record(r: ApiUsageRecordRequest) {
    return this.commands.execute(new RecordApiUsageCommand(r));
  }

  @Handles(ApiUsageByKey)
  byKey(q: ApiUsageByKeyQuery, caller: CallerIdentity) {
    return this.usage.byKey(q, caller);
  }

  @Handles(ApiUsageByUser)
  byUser(q: ApiUsageByUserQuery, caller: CallerIdentity) {
    return this.usage.byUser(q, caller);
  }

  @Handles(ApiUsageByEndpoint)
  byEndpoint(q: ApiUsageByEndpointQuery, caller: CallerIdentity) {
    return this.usage.byEndpoint(q, caller);
  }

  @Handles(RateLimitList)
  rateLimits(q: RateLimitQuery, caller: CallerIdentity) {
    return this.usage.rateLimits(q, caller);
  }
}
