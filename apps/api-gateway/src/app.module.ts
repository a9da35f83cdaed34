import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { PlatformModule } from '@suite/platform';
import { AnalyticsController } from './analytics/analytics.controller';
import { AuthController } from './auth/auth.controller';
import { AuthenticationGuard } from './auth/authentication.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { SuiteHealthController } from './health/suite-health.controller';
import { SuiteHealthService } from './health/service-health';
import { GATEWAY_SERVICE } from './service';

@Module({
  imports: [PlatformModule.forService(GATEWAY_SERVICE), PassportModule],
  controllers: [SuiteHealthController, AuthController, AnalyticsController],
  providers: [SuiteHealthService, JwtStrategy, { provide: APP_GUARD, useClass: AuthenticationGuard }],
})
export class AppModule {}
