import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { IdentitySubjects, ImpersonationStarted, StartImpersonationDto } from '@suite/contracts/identity';
import { Caller, CallerIdentity } from '@suite/platform';
import { ClientAware } from '../audit/client-aware';
import { ImpersonationService } from './impersonation.service';

class StartRequest extends ClientAware {
  @IsUUID() userId: string;
  @ValidateNested() @Type(() => StartImpersonationDto) body: StartImpersonationDto;
}

@Controller()
export class ImpersonationNatsController {
  constructor(private readonly impersonation: ImpersonationService) {}

  @MessagePattern(IdentitySubjects.ImpersonationStart)
  start(@Payload() r: StartRequest, @Caller() caller: CallerIdentity): Promise<ImpersonationStarted> {
    return this.impersonation.start(caller, r.userId, r.body.reason, r.client ?? {});
  }

  @MessagePattern(IdentitySubjects.ImpersonationEnd)
  end(@Payload() r: ClientAware, @Caller() caller: CallerIdentity): Promise<{ ended: true; impersonationId: string }> {
    return this.impersonation.end(caller, r.client ?? {});
  }
}
