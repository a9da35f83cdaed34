import { Injectable } from '@nestjs/common';
import { ReportReady, ReportReadyPayload } from '@suite/contracts/analytics';
import { OnEvent } from '@suite/platform';
import { NotifyCommand } from '../notify.command';

/** What analytics leaves to alerting: it mails EMAIL subscribers itself, with the file. */
const CHANNELS_HANDLED_HERE = ['IN_APP', 'PUSH', 'SMS'];

/**
 * A report run finished: its IN_APP, PUSH and SMS subscribers are told through the notification path (their
 * preferences, quiet hours, retries). Keyed by the execution, so a redelivered event queues nothing twice.
 */
@Injectable()
export class ReportReadyConsumer {
  @OnEvent(ReportReady, { name: 'notify-report-ready' })
  onReportReady(event: ReportReadyPayload): NotifyCommand | undefined {
    const recipients = event.subscribers
      .filter((s) => CHANNELS_HANDLED_HERE.includes(s.channel))
      .map((s) => ({ userId: s.userId, channels: [s.channel] }));
    if (recipients.length === 0) return undefined;
    return new NotifyCommand({
      dedupKey: `report-ready:${event.executionId}`,
      kind: 'FIRING',
      alertIds: [],
      category: 'BUSINESS',
      priority: 'LOW',
      eventType: ReportReady.subject,
      recipients,
      variables: {
        title: `Report ready: ${event.reportName}`,
        message: event.downloadUrl
          ? `${event.reportName} (${event.format}, ${event.rowCount} rows) is ready: ${event.downloadUrl}`
          : `${event.reportName} (${event.format}, ${event.rowCount} rows) is ready.`,
        reportId: event.reportId,
        executionId: event.executionId,
        reportName: event.reportName,
        format: event.format,
        rowCount: event.rowCount,
        downloadUrl: event.downloadUrl ?? '',
      },
    });
  }
}
