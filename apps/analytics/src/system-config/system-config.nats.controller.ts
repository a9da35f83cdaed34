import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { AnalyticsSubjects, PublicConfigEntry } from '@suite/contracts/analytics';
import { SystemConfigService } from './system-config.service';

@Controller()
export class SystemConfigNatsController {
  constructor(private readonly configs: SystemConfigService) {}

  @MessagePattern(AnalyticsSubjects.ConfigListPublic)
  listPublic(): Promise<PublicConfigEntry[]> {
    return this.configs.listPublic();
  }
}
