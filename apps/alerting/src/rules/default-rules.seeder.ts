import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { IotTelemetryEvents } from '@suite/contracts/iot-telemetry';
import { AlertingDb, Prisma } from '@suite/db/alerting';
import { InjectDb } from '@suite/platform';
import { AlertingConfig } from '../config';

/** Who made the default rules (AlertRule.createdBy names a user otherwise). */
export const SYSTEM_RULE_AUTHOR = 'system';

/** Operators hear of every chamber by mail and in the app; growers add their own rules (scoped to their devices). */
const OPERATORS = ['SUPER_ADMIN', 'ADMIN'].map((role) => ({ type: 'ROLE' as const, value: role, channels: ['EMAIL', 'IN_APP'] }));

/** Fixed ids: seeding is idempotent, two replicas starting together insert each rule once, and a rule an admin deleted (soft) stays deleted. */
export const DEFAULT_RULES: (Omit<Prisma.AlertRuleCreateManyInput, 'createdBy'> & { id: string })[] = [
  {
    id: '6a1f3c2e-0d4b-4e8a-9c61-5b7d2f0e1a01',
    name: 'Chamber threshold breached',
    description: 'A sensor threshold (POST /sensors/:id/thresholds) has been breached for its duration; resolved when it clears.',
    category: 'SENSOR',
    priority: 'HIGH',
    eventType: IotTelemetryEvents.ThresholdBreached,
    condition: { field: 'severity', op: 'in', value: ['WARNING', 'CRITICAL'] },
    cooldownMinutes: 0,
    ownedOnly: false,
    tags: ['iot', 'default'],
    groupBy: ['deviceId'],
  },
  {
    id: '6a1f3c2e-0d4b-4e8a-9c61-5b7d2f0e1a02',
    name: 'Device offline',
    description: 'A device has been silent longer than its heartbeatTimeoutSeconds; resolved when it is back online.',
    category: 'SENSOR',
    priority: 'MEDIUM',
    eventType: IotTelemetryEvents.DeviceOffline,
    condition: { field: 'deviceId', op: 'exists' },
    cooldownMinutes: 0,
    ownedOnly: false,
    tags: ['iot', 'default'],
    fingerprintFields: ['deviceId'],
    groupBy: [],
  },
];

/** A fresh install alerts someone: the default rules, once, on start (like identity seeds its roles). ALERT_DEFAULT_RULES=false skips it. */
@Injectable()
export class DefaultRulesSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DefaultRulesSeeder');

  constructor(
    @InjectDb() private readonly db: AlertingDb,
    private readonly config: AlertingConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ALERT_DEFAULT_RULES) return;
    await this.db.$transaction(async (tx) => {
      const created = await tx.alertRule.createManyAndReturn({
        data: DEFAULT_RULES.map((r) => ({ ...r, createdBy: SYSTEM_RULE_AUTHOR })),
        skipDuplicates: true,
        select: { id: true },
      });
      // Recipients only with a rule inserted now: an admin's later edits to a default rule's recipients stand.
      await tx.alertRuleRecipient.createMany({
        data: created.flatMap(({ id }) => OPERATORS.map((r) => ({ ...r, ruleId: id }))),
        skipDuplicates: true,
      });
      if (created.length > 0) this.logger.log(`${created.length} default alert rules created`);
    });
  }
}
