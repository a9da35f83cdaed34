import { Controller } from '@nestjs/common';
import {
  CreatePushSubscriptionRequest,
  CreateTemplateRequest,
  CreateWebhookSubscriptionRequest,
  NotificationGet,
  NotificationList,
  NotificationListQuery,
  NotificationMarkAllRead,
  NotificationMarkRead,
  NotificationRef,
  NotificationTest,
  PreferencesGet,
  PreferencesUpdate,
  PushSubscriptionCreate,
  PushSubscriptionDelete,
  PushSubscriptionList,
  PushSubscriptionRef,
  PushVapidKey,
  SmsCallbackRequest,
  SmsStatusCallback,
  TemplateCreate,
  TemplateDelete,
  TemplateList,
  TemplateListQuery,
  TemplateRef,
  TemplateUpdate,
  TestNotificationRequest,
  UpdatePreferencesRequest,
  UpdateTemplateRequest,
  WebhookSubscriptionCreate,
  WebhookSubscriptionDelete,
  WebhookSubscriptionList,
  WebhookSubscriptionRef,
} from '@suite/contracts/alerting';
import { CallerIdentity, Handles } from '@suite/platform';
import { PushSender } from './channels/push.sender';
import { SmsCallbacksService } from './channels/sms/sms-callbacks.service';
import { NotificationsService } from './notifications.service';
import { PreferencesService } from './subscriptions/preferences.service';
import { SubscriptionsService } from './subscriptions/subscriptions.service';
import { TemplatesService } from './templates/templates.service';

@Controller()
export class NotificationsNatsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly preferences: PreferencesService,
    private readonly subscriptions: SubscriptionsService,
    private readonly templates: TemplatesService,
    private readonly sms: SmsCallbacksService,
    private readonly push: PushSender,
  ) {}

  @Handles(NotificationList) list(q: NotificationListQuery, caller: CallerIdentity) {
    return this.notifications.list(caller, q);
  }
  @Handles(NotificationGet) get(r: NotificationRef, caller: CallerIdentity) {
    return this.notifications.get(caller, r.notificationId);
  }
  @Handles(NotificationMarkRead) markRead(r: NotificationRef, caller: CallerIdentity) {
    return this.notifications.markRead(caller, r.notificationId);
  }
  @Handles(NotificationMarkAllRead) markAllRead(_: object, caller: CallerIdentity) {
    return this.notifications.markAllRead(caller);
  }
  @Handles(NotificationTest) test(r: TestNotificationRequest, caller: CallerIdentity) {
    return this.notifications.test(caller, r.body);
  }
  @Handles(PreferencesGet) getPreferences(_: object, caller: CallerIdentity) {
    return this.preferences.get(caller);
  }
  @Handles(PreferencesUpdate) updatePreferences(r: UpdatePreferencesRequest, caller: CallerIdentity) {
    return this.preferences.update(caller, r.body);
  }
  @Handles(PushSubscriptionList) listPush(_: object, caller: CallerIdentity) {
    return this.subscriptions.listPush(caller);
  }
  @Handles(PushVapidKey) vapidKey() {
    return { publicKey: this.push.publicKey };
  }
  @Handles(PushSubscriptionCreate) subscribePush(r: CreatePushSubscriptionRequest, caller: CallerIdentity) {
    return this.subscriptions.subscribePush(caller, r.body);
  }
  @Handles(PushSubscriptionDelete) unsubscribePush(r: PushSubscriptionRef, caller: CallerIdentity) {
    return this.subscriptions.unsubscribePush(caller, r.subscriptionId);
  }
  @Handles(WebhookSubscriptionList) listWebhooks(_: object, caller: CallerIdentity) {
    return this.subscriptions.listWebhooks(caller);
  }
  @Handles(WebhookSubscriptionCreate) createWebhook(r: CreateWebhookSubscriptionRequest, caller: CallerIdentity) {
    return this.subscriptions.createWebhook(caller, r.body);
  }
  @Handles(WebhookSubscriptionDelete) deleteWebhook(r: WebhookSubscriptionRef, caller: CallerIdentity) {
    return this.subscriptions.deleteWebhook(caller, r.subscriptionId);
  }
  @Handles(TemplateList) listTemplates(q: TemplateListQuery, caller: CallerIdentity) {
    return this.templates.list(caller, q);
  }
  @Handles(TemplateCreate) createTemplate(r: CreateTemplateRequest, caller: CallerIdentity) {
    return this.templates.create(caller, r.body);
  }
  @Handles(TemplateUpdate) updateTemplate(r: UpdateTemplateRequest, caller: CallerIdentity) {
    return this.templates.update(caller, r.templateId, r.body);
  }
  @Handles(TemplateDelete) deleteTemplate(r: TemplateRef, caller: CallerIdentity) {
    return this.templates.delete(caller, r.templateId);
  }
  @Handles(SmsStatusCallback) smsCallback(r: SmsCallbackRequest) {
    return this.sms.apply(r);
  }
}
