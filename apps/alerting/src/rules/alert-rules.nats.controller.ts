import { Controller } from '@nestjs/common';
import {
  AlertRuleCreate,
  AlertRuleDelete,
  AlertRuleGet,
  AlertRuleList,
  AlertRuleListQuery,
  AlertRuleRef,
  AlertRuleUpdate,
  CreateAlertRuleRequest,
  UpdateAlertRuleRequest,
} from '@suite/contracts/alerting';
import { CallerIdentity, Handles } from '@suite/platform';
import { AlertRulesService } from './alert-rules.service';

@Controller()
export class AlertRulesNatsController {
  constructor(private readonly rules: AlertRulesService) {}

  @Handles(AlertRuleList)
  list(query: AlertRuleListQuery, caller: CallerIdentity) {
    return this.rules.list(caller, query);
  }

  @Handles(AlertRuleGet)
  get(r: AlertRuleRef, caller: CallerIdentity) {
    return this.rules.get(caller, r.alertRuleId);
  }

  @Handles(AlertRuleCreate)
  create(r: CreateAlertRuleRequest, caller: CallerIdentity) {
    return this.rules.create(caller, r.body);
  }

  @Handles(AlertRuleUpdate)
  update(r: UpdateAlertRuleRequest, caller: CallerIdentity) {
    return this.rules.update(caller, r.alertRuleId, r.body);
  }

  @Handles(AlertRuleDelete)
  remove(r: AlertRuleRef, caller: CallerIdentity) {
    return this.rules.remove(caller, r.alertRuleId);
  }
}
