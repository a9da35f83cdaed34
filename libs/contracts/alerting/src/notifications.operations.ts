import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeletedView, EmptyRequest, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  CreatePushSubscriptionDto,
  CreateTemplateDto,
  CreateWebhookSubscriptionDto,
  MarkedReadView,
  NotificationFilter,
  NotificationPage,
  NotificationView,
  PreferencesView,
  PushSubscriptionView,
  SmsCallbackRequest,
  SmsCallbackView,
  TemplateFilter,
  TemplateView,
  TestNotificationDto,
  TestNotificationView,
  UpdatePreferencesDto,
  UpdateTemplateDto,
  VapidKeyView,
  WebhookSubscriptionView,
} from './notifications.dto';
import { AlertingSubjects as S } from './subjects';

export class NotificationListQuery extends IntersectionType(NotificationFilter, PageQuery) {}
export class NotificationRef {
  @IsUUID() notificationId: string;
}
export class TestNotificationRequest {
  @ValidateNested() @Type(() => TestNotificationDto) body: TestNotificationDto;
}
export class UpdatePreferencesRequest {
  @ValidateNested() @Type(() => UpdatePreferencesDto) body: UpdatePreferencesDto;
}
export class CreatePushSubscriptionRequest {
  @ValidateNested() @Type(() => CreatePushSubscriptionDto) body: CreatePushSubscriptionDto;
}
export class PushSubscriptionRef {
  @IsUUID() subscriptionId: string;
}
export class CreateWebhookSubscriptionRequest {
  @ValidateNested() @Type(() => CreateWebhookSubscriptionDto) body: CreateWebhookSubscriptionDto;
}
export class WebhookSubscriptionRef {
  @IsUUID() subscriptionId: string;
}
export class TemplateListQuery extends IntersectionType(TemplateFilter, PageQuery) {}
export class CreateTemplateRequest {
  @ValidateNested() @Type(() => CreateTemplateDto) body: CreateTemplateDto;
}
export class TemplateRef {
  @IsUUID() templateId: string;
}
export class UpdateTemplateRequest extends TemplateRef {
  @ValidateNested() @Type(() => UpdateTemplateDto) body: UpdateTemplateDto;
}

/**
 * A signed-in user's own notifications (notifications:read / notifications:update, which every role
 * has): another user's are 404. Operators (notifications:create/execute) send test notifications and
 * keep templates; users keep their preferences and push and webhook subscriptions.
 */
export const NotificationList = operation({
  subject: S.NotificationList,
  request: NotificationListQuery,
  response: NotificationPage,
  permissions: ['notifications:read'],
  http: {
    method: 'GET',
    path: 'notifications',
    query: NotificationListQuery,
    summary: 'My notifications, newest first, with the unread count',
  },
});
export const NotificationGet = operation({
  subject: S.NotificationGet,
  request: NotificationRef,
  response: NotificationView,
  permissions: ['notifications:read'],
  http: { method: 'GET', path: 'notifications/:notificationId', summary: 'One of my notifications' },
});
export const NotificationMarkRead = operation({
  subject: S.NotificationMarkRead,
  request: NotificationRef,
  response: MarkedReadView,
  permissions: ['notifications:update'],
  http: { method: 'POST', path: 'notifications/:notificationId/read', status: 200, summary: 'Mark one in-app notification read' },
});
export const NotificationMarkAllRead = operation({
  subject: S.NotificationMarkAllRead,
  request: EmptyRequest,
  response: MarkedReadView,
  permissions: ['notifications:update'],
  http: { method: 'POST', path: 'notifications/read-all', status: 200, summary: 'Mark every in-app notification of mine read' },
});
export const NotificationTest = operation({
  subject: S.NotificationTest,
  request: TestNotificationRequest,
  response: TestNotificationView,
  permissions: ['notifications:execute'],
  http: {
    method: 'POST',
    path: 'notifications/test',
    body: TestNotificationDto,
    summary: 'Send a test notification to a user on one channel (through the same queue and retries as alerts)',
  },
});

export const PreferencesGet = operation({
  subject: S.PreferencesGet,
  request: EmptyRequest,
  response: PreferencesView,
  permissions: ['notifications:read'],
  http: { method: 'GET', path: 'notification-preferences', summary: 'My channels, rules per category/priority and quiet hours' },
});
export const PreferencesUpdate = operation({
  subject: S.PreferencesUpdate,
  request: UpdatePreferencesRequest,
  response: PreferencesView,
  permissions: ['notifications:update'],
  http: { method: 'PUT', path: 'notification-preferences', body: UpdatePreferencesDto, summary: 'Change my notification preferences' },
});

export const PushSubscriptionList = operation({
  subject: S.PushSubscriptionList,
  request: EmptyRequest,
  response: [PushSubscriptionView],
  permissions: ['notifications:read'],
  http: { method: 'GET', path: 'push-subscriptions', summary: 'My Web Push subscriptions' },
});
export const PushVapidKey = operation({
  subject: S.PushVapidKey,
  request: EmptyRequest,
  response: VapidKeyView,
  permissions: ['notifications:read'],
  http: { method: 'GET', path: 'push-subscriptions/vapid-key', summary: 'The VAPID public key browsers subscribe with' },
});
export const PushSubscriptionCreate = operation({
  subject: S.PushSubscriptionCreate,
  request: CreatePushSubscriptionRequest,
  response: PushSubscriptionView,
  permissions: ['notifications:update'],
  http: {
    method: 'POST',
    path: 'push-subscriptions',
    body: CreatePushSubscriptionDto,
    summary: 'Subscribe this browser (its PushSubscription JSON); the same endpoint again is updated, not duplicated',
  },
});
export const PushSubscriptionDelete = operation({
  subject: S.PushSubscriptionDelete,
  request: PushSubscriptionRef,
  response: DeletedView,
  permissions: ['notifications:update'],
  http: { method: 'DELETE', path: 'push-subscriptions/:subscriptionId', summary: 'Unsubscribe' },
});

export const WebhookSubscriptionList = operation({
  subject: S.WebhookSubscriptionList,
  request: EmptyRequest,
  response: [WebhookSubscriptionView],
  permissions: ['notifications:read'],
  http: { method: 'GET', path: 'webhook-subscriptions', summary: 'My webhook endpoints' },
});
export const WebhookSubscriptionCreate = operation({
  subject: S.WebhookSubscriptionCreate,
  request: CreateWebhookSubscriptionRequest,
  response: WebhookSubscriptionView,
  permissions: ['notifications:create'],
  http: {
    method: 'POST',
    path: 'webhook-subscriptions',
    body: CreateWebhookSubscriptionDto,
    summary: 'Receive my WEBHOOK notifications at this URL, signed with X-Signature (see the README)',
  },
});
export const WebhookSubscriptionDelete = operation({
  subject: S.WebhookSubscriptionDelete,
  request: WebhookSubscriptionRef,
  response: DeletedView,
  permissions: ['notifications:create'],
  http: { method: 'DELETE', path: 'webhook-subscriptions/:subscriptionId', summary: 'Remove a webhook endpoint' },
});

export const TemplateList = operation({
  subject: S.TemplateList,
  request: TemplateListQuery,
  response: [TemplateView],
  permissions: ['notifications:read', 'notifications:create'],
  http: {
    method: 'GET',
    path: 'notification-templates',
    query: TemplateListQuery,
    summary: 'Templates per event type, channel and locale',
  },
});
export const TemplateCreate = operation({
  subject: S.TemplateCreate,
  request: CreateTemplateRequest,
  response: TemplateView,
  permissions: ['notifications:create'],
  http: {
    method: 'POST',
    path: 'notification-templates',
    body: CreateTemplateDto,
    summary: 'A Handlebars template; a variable the event type does not declare is a 400 naming it',
  },
});
export const TemplateUpdate = operation({
  subject: S.TemplateUpdate,
  request: UpdateTemplateRequest,
  response: TemplateView,
  permissions: ['notifications:create', 'notifications:update'],
  http: { method: 'PATCH', path: 'notification-templates/:templateId', body: UpdateTemplateDto, summary: 'Change a template' },
});
export const TemplateDelete = operation({
  subject: S.TemplateDelete,
  request: TemplateRef,
  response: DeletedView,
  permissions: ['notifications:delete'],
  http: { method: 'DELETE', path: 'notification-templates/:templateId', summary: 'Delete a template; the default applies again' },
});

/** No HTTP route of its own: the gateway's raw-body SMS webhook controller forwards it. */
export const SmsStatusCallback = operation({
  subject: S.SmsStatusCallback,
  request: SmsCallbackRequest,
  response: SmsCallbackView,
});

export const NotificationOperations = [
  NotificationList,
  NotificationMarkAllRead,
  NotificationTest,
  NotificationGet,
  NotificationMarkRead,
  PreferencesGet,
  PreferencesUpdate,
  PushSubscriptionList,
  PushVapidKey,
  PushSubscriptionCreate,
  PushSubscriptionDelete,
  WebhookSubscriptionList,
  WebhookSubscriptionCreate,
  WebhookSubscriptionDelete,
];
export const NotificationTemplateOperations = [TemplateList, TemplateCreate, TemplateUpdate, TemplateDelete];
