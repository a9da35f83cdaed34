import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { AnalyticsController } from './analytics/analytics.controller';
import { SuiteHealthController } from './health/suite-health.controller';
import { SuiteHealthService } from './health/service-health';
import { GATEWAY_SERVICE } from './service';

@Module({
  imports: [PlatformModule.forService(GATEWAY_SERVICE)],
  controllers: [SuiteHealthController, AnalyticsController],
  providers: [SuiteHealthService],
})
export class AppModule {}
