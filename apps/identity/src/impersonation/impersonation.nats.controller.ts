import { Controller } from '@nestjs/common';
import { EndImpersonationRequest, ImpersonationEnd, ImpersonationStart, StartImpersonationRequest } from '@suite/contracts/identity';
import { CallerIdentity, Handles } from '@suite/platform';
import { ImpersonationService } from './impersonation.service';

@Controller()
export class ImpersonationNatsController {
  constructor(private readonly impersonation: ImpersonationService) {}

  @Handles(ImpersonationStart)
  start(r: StartImpersonationRequest, caller: CallerIdentity) {
    return this.impersonation.start(caller, r.userId, r.body.reason, r.client ?? {});
  }

  @Handles(ImpersonationEnd)
  end(r: EndImpersonationRequest, caller: CallerIdentity) {
    return this.impersonation.end(caller, r.client ?? {});
  }
}
