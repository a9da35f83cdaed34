import { Injectable, Logger } from '@nestjs/common';
import { ReportReady, ReportReadyPayload } from '@suite/contracts/analytics';
import { AnalyticsDb } from '@suite/db/analytics';
import {
  EventMeta,
  type FileStore,
  InjectDb,
  InjectFileStore,
  InjectMailer,
  type Mailer,
  type MailAttachment,
  OnEvent,
  contentTypeOf,
} from '@suite/platform';
import { AnalyticsConfig } from '../../config';
import { SubscriptionsService } from './subscriptions.service';

/**
 * Mails a finished report to its EMAIL subscribers and the report's recipients (the file attached up
 * to REPORT_MAIL_ATTACH_MAX_BYTES, linked beyond), and records lastSentAt for every subscriber the
 * event names (IN_APP, PUSH and SMS ones are alerting's to deliver from the same event). A
 * redelivered event skips subscribers already marked sent for this run, so they get one mail.
 */
@Injectable()
export class ReportDeliveryConsumer {
  private readonly logger = new Logger('ReportDelivery');

  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    @InjectMailer() private readonly mailer: Mailer,
    @InjectFileStore() private readonly files: FileStore,
    private readonly subscriptions: SubscriptionsService,
    private readonly config: AnalyticsConfig,
  ) {}

  @OnEvent(ReportReady, { name: 'report-delivery' })
  async onReady(event: ReportReadyPayload, _meta: EventMeta): Promise<void> {
    const execution = await this.db.reportExecution.findUnique({ where: { id: event.executionId }, include: { report: true } });
    if (!execution || !execution.completedAt) return;
    const attachments = await this.attachment(execution.resultUrl, execution.resultSize, event);
    const link = event.downloadUrl ? `\nDownload (until ${event.expiresAt}): ${event.downloadUrl}` : '';
    const body = `${event.reportName}: ${event.rowCount} rows, ${event.format}.${attachments.length ? ' The file is attached.' : ''}${link}`;
    const ids = event.subscribers.map((s) => s.subscriptionId);
    const subs = await this.db.reportSubscription.findMany({ where: { id: { in: ids }, isActive: true } });
    for (const sub of subs) {
      if (sub.lastSentAt && sub.lastSentAt >= execution.completedAt) continue;
      if (sub.channel === 'EMAIL' && sub.email) {
        const unsubscribe = `${this.apiBase()}/report-subscriptions/unsubscribe?token=${this.subscriptions.unsubscribeToken(sub.id)}`;
        await this.mailer.send({
          to: sub.email,
          subject: `Report: ${event.reportName}`,
          text: `${body}\n\nUnsubscribe: ${unsubscribe}`,
          attachments,
        });
      }
      await this.db.reportSubscription.update({ where: { id: sub.id }, data: { lastSentAt: new Date() } });
    }
    // Recipients of the definition itself get scheduled runs only (a subscriber chose on-demand ones too).
    if (execution.scheduledFor) {
      for (const to of execution.report.recipients)
        await this.mailer.send({ to, subject: `Report: ${event.reportName}`, text: body, attachments });
    }
    this.logger.log({ executionId: event.executionId, subscribers: subs.length }, 'report delivered');
  }

  private async attachment(key: string | null, size: bigint | null, event: ReportReadyPayload): Promise<MailAttachment[]> {
    if (!key || size === null || Number(size) > this.config.REPORT_MAIL_ATTACH_MAX_BYTES) return [];
    const { stream } = await this.files.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    const ext = key.slice(key.lastIndexOf('.'));
    return [
      {
        filename: `${event.reportName.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'report'}${ext}`,
        content: Buffer.concat(chunks),
        contentType: contentTypeOf(key),
      },
    ];
  }

  private apiBase(): string {
    return this.config.FILE_LINK_BASE_URL.replace(/\/files\/?$/, '');
  }
}
