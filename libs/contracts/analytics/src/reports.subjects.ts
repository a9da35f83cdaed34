/** NATS subjects of the analytics service's reports (kept apart from subjects.ts so the two features grow independently). */
export const ReportSubjects = {
  ReportCreate: 'analytics.report.create',
  ReportList: 'analytics.report.list',
  ReportGet: 'analytics.report.get',
  ReportUpdate: 'analytics.report.update',
  ReportDelete: 'analytics.report.delete',
  ExecutionRun: 'analytics.report-execution.run',
  ExecutionList: 'analytics.report-execution.list',
  ExecutionGet: 'analytics.report-execution.get',
  ExecutionCancel: 'analytics.report-execution.cancel',
  SubscriptionCreate: 'analytics.report-subscription.create',
  SubscriptionList: 'analytics.report-subscription.list',
  SubscriptionDelete: 'analytics.report-subscription.delete',
  Unsubscribe: 'analytics.report-subscription.unsubscribe',
} as const;

export const ReportEvents = {
  /** A report run finished and its subscribers on IN_APP, PUSH and SMS should hear of it (alerting delivers). */
  ReportReady: 'evt.analytics.report.ready',
} as const;
