import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { NOTIFICATION_CHANNELS } from './notifications.dto';

export const NotificationEvents = {
  NotificationFailed: 'evt.alerting.notification.failed',
} as const;

/** A notification that will not be delivered on its channel (FAILED, BOUNCED or CANCELLED); its next channel, if any, is already queued. */
export class NotificationFailedPayload {
  @IsUUID() notificationId: string;
  @IsOptional() @IsString() userId: string | null;
  @IsOptional() @IsString() alertId: string | null;
  @IsIn(NOTIFICATION_CHANNELS) channel: string;
  @IsIn(['FAILED', 'BOUNCED', 'CANCELLED']) status: string;
  @IsString() provider: string;
  @IsString() errorMessage: string;
  @IsOptional() @IsIn(NOTIFICATION_CHANNELS) nextChannel: string | null;
}

export const NotificationFailed = {
  subject: NotificationEvents.NotificationFailed,
  payload: NotificationFailedPayload,
  version: 1,
} as const;
