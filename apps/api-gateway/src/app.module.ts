import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { FileStoreModule, PlatformModule } from '@suite/platform';
import { ApiManagementModule } from './api-management/api-management.module';
import { RateLimitGuard } from './api-management/rate-limit.guard';
import { ApiKeyAuthenticator } from './auth/api-key.authenticator';
import { AuthenticationGuard } from './auth/authentication.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { SessionCache } from './auth/session-cache';
import { VerifiedTokens } from './auth/verified-tokens';
import { DesignTransitionsController } from './catalog/designs.controller';
import { forwardingController } from './forwarding/forwarding-controller';
import { FORWARDED_ROUTES } from './forwarding/forwarded-routes';
import { SuiteHealthService } from './health/service-health';
import { SuiteHealthController } from './health/suite-health.controller';
import { DeviceStreamController } from './iot/device-stream.controller';
import { PaymentWebhooksController } from './orders/payments.controller';
import { SupplierWebhooksController } from './fulfillment/supplier-webhooks.controller';
import { TrackingWebhooksController } from './logistics/tracking-webhooks.controller';
import { LalamoveWebhooksController } from './logistics/lalamove-webhooks.controller';
import { FileDownloadsController } from './files/file-downloads.controller';
import { ImportUploadsController } from './imports/import-uploads.controller';
import { ImportProgressController } from './imports/import-progress.controller';
import { GATEWAY_SERVICE } from './service';
import { NotificationStreamController } from './alerting/notification-stream.controller';
import { SmsWebhooksController } from './alerting/sms-webhooks.controller';

/** Routes are forwarded by their declarations; the controllers listed by hand do more than forward. */
@Module({
  imports: [PlatformModule.forService(GATEWAY_SERVICE), PassportModule, FileStoreModule.forRoot(), ApiManagementModule],
  controllers: [
    SuiteHealthController,
    ...Object.entries(FORWARDED_ROUTES).map(([tag, operations]) => forwardingController(tag, operations)),
    DesignTransitionsController,
    PaymentWebhooksController,
    SupplierWebhooksController,
    TrackingWebhooksController,
    LalamoveWebhooksController,
    DeviceStreamController,
    NotificationStreamController,
    SmsWebhooksController,
    FileDownloadsController,
    ImportUploadsController,
    ImportProgressController,
  ],
  providers: [
    SuiteHealthService,
    JwtStrategy,
    SessionCache,
    VerifiedTokens,
    ApiKeyAuthenticator,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    // After authentication: a signed-in caller or an API key is counted as such, not by its address.
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
export class AppModule {}
