import { Controller } from '@nestjs/common';
import {
  CreateReportRequest,
  CreateSubscriptionRequest,
  ExecutionCancel,
  ExecutionGet,
  ExecutionList,
  ExecutionListQuery,
  ExecutionRef,
  ExecutionRun,
  ReportCreate,
  ReportDelete,
  ReportGet,
  ReportList,
  ReportListQuery,
  ReportRef,
  ReportUpdate,
  SubscriptionCreate,
  SubscriptionDelete,
  SubscriptionList,
  SubscriptionRef,
  Unsubscribe,
  UnsubscribeQuery,
  UpdateReportRequest,
} from '@suite/contracts/analytics';
import { CallerIdentity, Handles } from '@suite/platform';
import { ReportsService } from './reports.service';
import { SubscriptionsService } from './subscriptions/subscriptions.service';

@Controller()
export class ReportsNatsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  @Handles(ReportCreate)
  create(r: CreateReportRequest, caller: CallerIdentity) {
    return this.reports.create(caller, r.body);
  }

  @Handles(ReportList)
  list(q: ReportListQuery, caller: CallerIdentity) {
    return this.reports.list(caller, q);
  }

  @Handles(ReportGet)
  get(r: ReportRef, caller: CallerIdentity) {
    return this.reports.get(caller, r.reportId);
  }

  @Handles(ReportUpdate)
  update(r: UpdateReportRequest, caller: CallerIdentity) {
    return this.reports.update(caller, r.reportId, r.body);
  }

  @Handles(ReportDelete)
  remove(r: ReportRef, caller: CallerIdentity) {
    return this.reports.remove(caller, r.reportId);
  }

  @Handles(ExecutionRun)
  run(r: ReportRef, caller: CallerIdentity) {
    return this.reports.run(caller, r.reportId);
  }

  @Handles(ExecutionList)
  executions(q: ExecutionListQuery, caller: CallerIdentity) {
    return this.reports.executions(caller, q.reportId, q);
  }

  @Handles(ExecutionGet)
  execution(r: ExecutionRef, caller: CallerIdentity) {
    return this.reports.execution(caller, r.reportId, r.executionId);
  }

  @Handles(ExecutionCancel)
  cancel(r: ExecutionRef, caller: CallerIdentity) {
    return this.reports.cancel(caller, r.reportId, r.executionId);
  }

  @Handles(SubscriptionCreate)
  subscribe(r: CreateSubscriptionRequest, caller: CallerIdentity) {
    return this.subscriptions.subscribe(caller, r.reportId, r.body);
  }

  @Handles(SubscriptionList)
  subscribers(r: ReportRef, caller: CallerIdentity) {
    return this.subscriptions.list(caller, r.reportId);
  }

  @Handles(SubscriptionDelete)
  unsubscribeOne(r: SubscriptionRef, caller: CallerIdentity) {
    return this.subscriptions.remove(caller, r.reportId, r.subscriptionId);
  }

  @Handles(Unsubscribe)
  unsubscribe(q: UnsubscribeQuery) {
    return this.subscriptions.unsubscribe(q.token);
  }
}
