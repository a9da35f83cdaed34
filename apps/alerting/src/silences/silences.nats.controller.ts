import { Controller } from '@nestjs/common';
import {
  CreateSilenceRequest,
  SilenceCreate,
  SilenceExpire,
  SilenceGet,
  SilenceList,
  SilenceListQuery,
  SilenceRef,
} from '@suite/contracts/alerting';
import { CallerIdentity, Handles } from '@suite/platform';
import { SilencesService } from './silences.service';

@Controller()
export class SilencesNatsController {
  constructor(private readonly silences: SilencesService) {}

  @Handles(SilenceList)
  list(query: SilenceListQuery, caller: CallerIdentity) {
    return this.silences.list(caller, query);
  }

  @Handles(SilenceGet)
  get(r: SilenceRef, caller: CallerIdentity) {
    return this.silences.get(caller, r.silenceId);
  }

  @Handles(SilenceCreate)
  create(r: CreateSilenceRequest, caller: CallerIdentity) {
    return this.silences.create(caller, r.body);
  }

  @Handles(SilenceExpire)
  expire(r: SilenceRef, caller: CallerIdentity) {
    return this.silences.expire(caller, r.silenceId);
  }
}
