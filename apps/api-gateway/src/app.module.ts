import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { PlatformModule } from '@suite/platform';
import { AnalyticsController } from './analytics/analytics.controller';
import { AccountController } from './auth/account.controller';
import { AuthController } from './auth/auth.controller';
import { AuthenticationGuard } from './auth/authentication.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { SuiteHealthController } from './health/suite-health.controller';
import { SuiteHealthService } from './health/service-health';
import { GATEWAY_SERVICE } from './service';
import { ProductsController } from './catalog/products.controller';
import { VariantsController } from './catalog/variants.controller';
import { StoresController } from './catalog/stores.controller';
import { CategoriesController } from './catalog/categories.controller';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeyAuthenticator } from './auth/api-key.authenticator';
import { TwoFactorController } from './two-factor/two-factor.controller';
import { AdminUsersController } from './admin/admin-users.controller';
import { AuditLogsController } from './admin/audit-logs.controller';
import { ImpersonationController } from './admin/impersonation.controller';
import { RolesController } from './admin/roles.controller';
import { TeamsController } from './admin/teams.controller';
import { ImpersonationAuditInterceptor } from './auth/impersonation-audit.interceptor';
import { DesignsController } from './catalog/designs.controller';
import { ProductDesignsController } from './catalog/product-designs.controller';
import { ReviewsController } from './catalog/reviews.controller';
import { CartsController } from './orders/carts.controller';
import { CustomersController } from './orders/customers.controller';
import { AddressesController } from './orders/addresses.controller';
import { OrdersController } from './orders/orders.controller';
import { CheckoutController } from './orders/checkout.controller';
import { PaymentsController } from './orders/payments.controller';
import { DevicesController } from './iot/devices.controller';
import { SensorsController } from './iot/sensors.controller';
import { ThresholdsController } from './iot/thresholds.controller';
import { SensorAlertsController } from './iot/sensor-alerts.controller';
import { ReadingsController } from './iot/readings.controller';
import { DeviceStreamController } from './iot/device-stream.controller';
import { CommandsController } from './iot/commands.controller';
import { DeviceHealthController } from './iot/device-health.controller';

@Module({
  imports: [PlatformModule.forService(GATEWAY_SERVICE), PassportModule],
  controllers: [
    SuiteHealthController,
    AuthController,
    AnalyticsController,
    AccountController,
    TwoFactorController,
    ApiKeysController,
    TeamsController,
    AdminUsersController,
    RolesController,
    AuditLogsController,
    ImpersonationController,
    StoresController,
    CategoriesController,
    ProductsController,
    VariantsController,
    DesignsController,
    ProductDesignsController,
    ReviewsController,
    CartsController,
    AddressesController,
    CustomersController,
    OrdersController,
    CheckoutController,
    PaymentsController,
    DevicesController,
    SensorsController,
    ThresholdsController,
    SensorAlertsController,
    ReadingsController,
    DeviceStreamController,
    CommandsController,
    DeviceHealthController,
  ],
  providers: [
    SuiteHealthService,
    JwtStrategy,
    ApiKeyAuthenticator,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_INTERCEPTOR, useClass: ImpersonationAuditInterceptor },
  ],
})
export class AppModule {}
