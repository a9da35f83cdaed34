import { Injectable } from '@nestjs/common';
import { PublicConfigEntry } from '@suite/contracts/analytics';
import { AnalyticsDb } from '@suite/db/analytics';
import { InjectDb } from '@suite/platform';

@Injectable()
export class SystemConfigService {
  constructor(@InjectDb() private readonly db: AnalyticsDb) {}

  /** Only rows flagged public; the rest (keys, thresholds, internal switches) never leave the service this way. */
  listPublic(): Promise<PublicConfigEntry[]> {
    return this.db.systemConfig.findMany({
      where: { isPublic: true },
      select: { key: true, value: true, description: true, category: true },
      orderBy: { key: 'asc' },
    });
  }
}
