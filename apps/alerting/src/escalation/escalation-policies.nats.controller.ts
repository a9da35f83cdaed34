import { Controller } from '@nestjs/common';
import {
  CreateEscalationPolicyRequest,
  EscalationPolicyCreate,
  EscalationPolicyDelete,
  EscalationPolicyGet,
  EscalationPolicyList,
  EscalationPolicyListQuery,
  EscalationPolicyRef,
  EscalationPolicyUpdate,
  UpdateEscalationPolicyRequest,
} from '@suite/contracts/alerting';
import { CallerIdentity, Handles } from '@suite/platform';
import { EscalationPoliciesService } from './escalation-policies.service';

@Controller()
export class EscalationPoliciesNatsController {
  constructor(private readonly policies: EscalationPoliciesService) {}

  @Handles(EscalationPolicyList)
  list(query: EscalationPolicyListQuery, caller: CallerIdentity) {
    return this.policies.list(caller, query);
  }

  @Handles(EscalationPolicyGet)
  get(r: EscalationPolicyRef, caller: CallerIdentity) {
    return this.policies.get(caller, r.escalationPolicyId);
  }

  @Handles(EscalationPolicyCreate)
  create(r: CreateEscalationPolicyRequest, caller: CallerIdentity) {
    return this.policies.create(caller, r.body);
  }

  @Handles(EscalationPolicyUpdate)
  update(r: UpdateEscalationPolicyRequest, caller: CallerIdentity) {
    return this.policies.update(caller, r.escalationPolicyId, r.body);
  }

  @Handles(EscalationPolicyDelete)
  remove(r: EscalationPolicyRef, caller: CallerIdentity) {
    return this.policies.remove(caller, r.escalationPolicyId);
  }
}
