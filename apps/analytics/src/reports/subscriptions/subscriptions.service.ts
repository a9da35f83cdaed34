import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CreateSubscriptionDto, SubscriptionView, UnsubscribedView } from '@suite/contracts/analytics';
import { AnalyticsDb } from '@suite/db/analytics';
import { CallerIdentity, InjectDb, invalid, notFound } from '@suite/platform';
import { isReportStaff, requirePermission, requireSignedIn, subscriptionNotFound } from '../report-access';
import { toSubscriptionView } from '../report-view';
import { ReportsService } from '../reports.service';
import { AnalyticsConfig } from '../../config';

/** Who receives a report, on which channel and how often; unsubscribing by the signed link of a mail. */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    private readonly reports: ReportsService,
    private readonly config: AnalyticsConfig,
  ) {}

  /** One per (report, user, channel): subscribing again changes the frequency or address and reactivates it. */
  async subscribe(caller: CallerIdentity, reportId: string, body: CreateSubscriptionDto): Promise<SubscriptionView> {
    requirePermission(caller, 'reports:read');
    const userId = requireSignedIn(caller);
    await this.reports.visible(caller, reportId);
    if (body.channel === 'EMAIL' && !body.email) {
      throw invalid('ANALYTICS.EMAIL_REQUIRED', 'Invalid subscription: email.', {
        errors: [{ field: 'email', messages: ['email is required for the EMAIL channel'] }],
      });
    }
    const data = { frequency: body.frequency, email: body.email ?? null, isActive: true };
    const row = await this.db.reportSubscription.upsert({
      where: { reportId_userId_channel: { reportId, userId, channel: body.channel } },
      create: { reportId, userId, channel: body.channel, ...data },
      update: data,
    });
    return toSubscriptionView(row);
  }

  async list(caller: CallerIdentity, reportId: string): Promise<SubscriptionView[]> {
    requirePermission(caller, 'reports:read');
    const userId = requireSignedIn(caller);
    await this.reports.visible(caller, reportId);
    const rows = await this.db.reportSubscription.findMany({
      where: { reportId, ...(isReportStaff(caller) ? {} : { userId }) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toSubscriptionView);
  }

  async remove(caller: CallerIdentity, reportId: string, subscriptionId: string): Promise<UnsubscribedView> {
    requirePermission(caller, 'reports:read');
    const userId = requireSignedIn(caller);
    await this.reports.visible(caller, reportId);
    const row = await this.db.reportSubscription.findFirst({
      where: { id: subscriptionId, reportId, ...(isReportStaff(caller) ? {} : { userId }) },
    });
    if (!row) throw subscriptionNotFound();
    await this.db.reportSubscription.update({ where: { id: row.id }, data: { isActive: false } });
    return { subscriptionId: row.id, unsubscribed: true };
  }

  /** The link in a report mail: the subscription id with an HMAC, so nobody can unsubscribe someone else. */
  unsubscribeToken(subscriptionId: string): string {
    return `${subscriptionId}.${this.mac(subscriptionId)}`;
  }

  async unsubscribe(token: string): Promise<UnsubscribedView> {
    const [id, mac] = token.split('.');
    const expected = id ? Buffer.from(this.mac(id)) : Buffer.alloc(0);
    if (!id || !mac || expected.length !== Buffer.from(mac).length || !timingSafeEqual(expected, Buffer.from(mac))) {
      throw notFound('ANALYTICS.SUBSCRIPTION_NOT_FOUND', 'No such subscription.');
    }
    const done = await this.db.reportSubscription.updateMany({ where: { id }, data: { isActive: false } });
    if (!done.count) throw subscriptionNotFound();
    return { subscriptionId: id, unsubscribed: true };
  }

  private mac(id: string): string {
    return createHmac('sha256', this.config.FILE_LINK_SECRET).update(`unsubscribe:${id}`).digest('base64url');
  }
}
