import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  AcknowledgeAlertRequest,
  AlertAcknowledge,
  AlertGet,
  AlertList,
  AlertListQuery,
  AlertRef,
  AlertResolve,
  AlertSnooze,
  ResolveAlertRequest,
  SnoozeAlertRequest,
} from '@suite/contracts/alerting';
import { CallerIdentity, Handles } from '@suite/platform';
import { AlertsService } from './alerts.service';
import { AcknowledgeAlertCommand, ResolveAlertCommand, SnoozeAlertCommand } from './commands/alert-actions.commands';

@Controller()
export class AlertsNatsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(AlertList)
  list(query: AlertListQuery, caller: CallerIdentity) {
    return this.alerts.list(caller, query);
  }

  @Handles(AlertGet)
  get(r: AlertRef, caller: CallerIdentity) {
    return this.alerts.get(caller, r.alertId);
  }

  @Handles(AlertAcknowledge)
  acknowledge(r: AcknowledgeAlertRequest, caller: CallerIdentity) {
    return this.commands.execute(new AcknowledgeAlertCommand(caller, r.alertId, r.body));
  }

  @Handles(AlertSnooze)
  snooze(r: SnoozeAlertRequest, caller: CallerIdentity) {
    return this.commands.execute(new SnoozeAlertCommand(caller, r.alertId, r.body));
  }

  @Handles(AlertResolve)
  resolve(r: ResolveAlertRequest, caller: CallerIdentity) {
    return this.commands.execute(new ResolveAlertCommand(caller, r.alertId, r.body));
  }
}
