import { Injectable } from '@nestjs/common';
import {
  CreatePushSubscriptionDto,
  CreateWebhookSubscriptionDto,
  PushSubscriptionView,
  WebhookSubscriptionView,
} from '@suite/contracts/alerting';
import type { AlertingDb } from '@suite/db/alerting';
import { CallerIdentity, encryptionKey, encryptSecret, InjectDb, invalid, notFound } from '@suite/platform';
import { AlertingConfig } from '../../config';
import { requireSignedIn } from '../access';
import { forbiddenDestination } from '../channels/ssrf';
import { RecipientsService } from '../recipients/recipients.service';

type PushRow = Awaited<ReturnType<AlertingDb['pushSubscription']['findUniqueOrThrow']>>;
type HookRow = Awaited<ReturnType<AlertingDb['webhookSubscription']['findUniqueOrThrow']>>;

const pushView = (s: PushRow): PushSubscriptionView => ({
  id: s.id,
  endpoint: s.endpoint,
  deviceId: s.deviceId,
  userAgent: s.userAgent,
  isActive: s.isActive,
  createdAt: s.createdAt.toISOString(),
});
const hookView = (s: HookRow): WebhookSubscriptionView => ({
  id: s.id,
  url: s.url,
  isActive: s.isActive,
  createdAt: s.createdAt.toISOString(),
});

/** A user's own push and webhook subscriptions; another user's are 404. */
@Injectable()
export class SubscriptionsService {
  private readonly key: Buffer;

  constructor(
    @InjectDb() private readonly db: AlertingDb,
    private readonly recipients: RecipientsService,
    private readonly config: AlertingConfig,
  ) {
    this.key = encryptionKey(config);
  }

  async listPush(caller: CallerIdentity): Promise<PushSubscriptionView[]> {
    const userId = requireSignedIn(caller);
    return (await this.db.pushSubscription.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 100 })).map(pushView);
  }

  /** The endpoint is the browser's identity: subscribing it again (new keys, another user signed in) takes it over, active again. */
  async subscribePush(caller: CallerIdentity, dto: CreatePushSubscriptionDto): Promise<PushSubscriptionView> {
    const userId = requireSignedIn(caller);
    await this.recipients.touch(caller);
    const data = {
      userId,
      keys: { p256dh: dto.keys.p256dh, auth: dto.keys.auth },
      deviceId: dto.deviceId ?? null,
      userAgent: dto.userAgent ?? null,
      isActive: true,
    };
    const row = await this.db.pushSubscription.upsert({
      where: { endpoint: dto.endpoint },
      create: { endpoint: dto.endpoint, ...data },
      update: data,
    });
    return pushView(row);
  }

  async unsubscribePush(caller: CallerIdentity, id: string): Promise<{ deleted: true }> {
    const userId = requireSignedIn(caller);
    const { count } = await this.db.pushSubscription.deleteMany({ where: { id, userId } });
    if (count === 0) throw notFound('ALERTING.PUSH_SUBSCRIPTION_NOT_FOUND', 'No such push subscription.');
    return { deleted: true };
  }

  async listWebhooks(caller: CallerIdentity): Promise<WebhookSubscriptionView[]> {
    const userId = requireSignedIn(caller);
    return (await this.db.webhookSubscription.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 100 })).map(hookView);
  }

  /** Refused at once in production when the URL points inside the network; checked again at each delivery (DNS can change). */
  async createWebhook(caller: CallerIdentity, dto: CreateWebhookSubscriptionDto): Promise<WebhookSubscriptionView> {
    const userId = requireSignedIn(caller);
    const refused = await forbiddenDestination(dto.url, this.config.NODE_ENV === 'production');
    if (refused)
      throw invalid('ALERTING.WEBHOOK_DESTINATION_REFUSED', `url is refused: ${refused}.`, {
        errors: [{ field: 'body.url', messages: [`url is refused: ${refused}`] }],
      });
    await this.recipients.touch(caller);
    const row = await this.db.webhookSubscription.create({
      data: { userId, url: dto.url, secretEncrypted: encryptSecret(dto.secret, this.key) },
    });
    return hookView(row);
  }

  async deleteWebhook(caller: CallerIdentity, id: string): Promise<{ deleted: true }> {
    const userId = requireSignedIn(caller);
    const { count } = await this.db.webhookSubscription.deleteMany({ where: { id, userId } });
    if (count === 0) throw notFound('ALERTING.WEBHOOK_SUBSCRIPTION_NOT_FOUND', 'No such webhook subscription.');
    return { deleted: true };
  }
}
