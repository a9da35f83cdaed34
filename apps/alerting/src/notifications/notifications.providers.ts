import { Provider } from '@nestjs/common';
import { CHANNEL_SENDERS, ChannelSender } from './channels/channel-sender';
import { EmailSender } from './channels/email.sender';
import { InAppSender } from './channels/in-app.sender';
import { PushSender } from './channels/push.sender';
import { SmsCallbacksService } from './channels/sms/sms-callbacks.service';
import { smsProvidersFactory } from './channels/sms/sms-provider.factory';
import { SmsSender } from './channels/sms/sms.sender';
import { WebhookSender } from './channels/webhook.sender';
import { DeliveryRecorder } from './delivery/delivery-recorder';
import { DeliveryWorker } from './delivery/delivery-worker';
import { NotificationsService } from './notifications.service';
import { NotifyHandler } from './notify.handler';
import { IdentityEventsConsumer } from './recipients/identity-events.consumer';
import { ReportReadyConsumer } from './reports/report-ready.consumer';
import { RecipientsService } from './recipients/recipients.service';
import { PreferencesService } from './subscriptions/preferences.service';
import { SubscriptionsService } from './subscriptions/subscriptions.service';
import { TemplateResolver } from './templates/template-resolver';
import { TemplatesService } from './templates/templates.service';

const senders = [EmailSender, SmsSender, PushSender, InAppSender, WebhookSender];

/** Everything of the notifications side, listed once for the app module. */
export const NOTIFICATION_PROVIDERS: Provider[] = [
  RecipientsService,
  IdentityEventsConsumer,
  ReportReadyConsumer,
  TemplateResolver,
  TemplatesService,
  NotifyHandler,
  NotificationsService,
  PreferencesService,
  SubscriptionsService,
  smsProvidersFactory,
  ...senders,
  { provide: CHANNEL_SENDERS, useFactory: (...all: ChannelSender[]) => all, inject: senders },
  DeliveryRecorder,
  DeliveryWorker,
  SmsCallbacksService,
];
