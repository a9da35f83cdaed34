import { Controller } from '@nestjs/common';
import {
  CreateRoutingRuleRequest,
  RoutingRuleCreate,
  RoutingRuleDelete,
  RoutingRuleGet,
  RoutingRuleList,
  RoutingRuleListQuery,
  RoutingRuleRef,
  RoutingRuleUpdate,
  UpdateRoutingRuleRequest,
} from '@suite/contracts/fulfillment';
import { CallerIdentity, Handles } from '@suite/platform';
import { RoutingRulesService } from './routing-rules.service';

@Controller()
export class RoutingRulesNatsController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Handles(RoutingRuleList)
  list(query: RoutingRuleListQuery, caller: CallerIdentity) {
    return this.rules.list(caller, query);
  }

  @Handles(RoutingRuleGet)
  get(r: RoutingRuleRef, caller: CallerIdentity) {
    return this.rules.get(caller, r.routingRuleId);
  }

  @Handles(RoutingRuleCreate)
  create(r: CreateRoutingRuleRequest, caller: CallerIdentity) {
    return this.rules.create(caller, r.body);
  }

  @Handles(RoutingRuleUpdate)
  update(r: UpdateRoutingRuleRequest, caller: CallerIdentity) {
    return this.rules.update(caller, r.routingRuleId, r.body);
  }

  @Handles(RoutingRuleDelete)
  remove(r: RoutingRuleRef, caller: CallerIdentity) {
    return this.rules.remove(caller, r.routingRuleId);
  }
}
