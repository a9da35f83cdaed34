import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiUsageRecorded, ApiUsageRecordRequest } from '@suite/contracts/analytics';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import { InjectDb } from '@suite/platform';

/** Stores one gateway batch: the usage rows and the refused-request counts of rate-limit windows. */
export class RecordApiUsageCommand extends Command<ApiUsageRecorded> {
  constructor(readonly batch: ApiUsageRecordRequest) {
    super();
  }
}

@CommandHandler(RecordApiUsageCommand)
export class RecordApiUsageHandler implements ICommandHandler<RecordApiUsageCommand> {
  constructor(@InjectDb() private readonly db: AnalyticsDb) {}

  /**
   * One transaction per batch: the gateway resends a batch whose answer it did not get, so rows are
   * inserted by their gateway-made id and skipped when already there. A window's count grows by the
   * refused requests each replica reports (unique identifier + endpoint + windowStart).
   */
  async execute({ batch }: RecordApiUsageCommand): Promise<ApiUsageRecorded> {
    const usage = batch.usage.map((r): Prisma.ApiUsageLogCreateManyInput => ({
      ...r,
      metadata: r.metadata as Prisma.InputJsonValue | undefined,
      timestamp: new Date(r.timestamp),
    }));
    // A batch transaction (not an interactive one): no transaction timeout to run into on a loaded machine.
    await this.db.$transaction([
      this.db.apiUsageLog.createMany({ data: usage, skipDuplicates: true }),
      ...batch.blocked.map(
        (w) => this.db.$executeRaw`
          INSERT INTO rate_limit_logs (id, identifier, endpoint, count, window_start, window_end, blocked)
          VALUES (gen_random_uuid(), ${w.identifier}, ${w.endpoint}, ${w.count}, ${new Date(w.windowStart)}, ${new Date(w.windowEnd)}, true)
          ON CONFLICT (identifier, endpoint, window_start)
          DO UPDATE SET count = rate_limit_logs.count + EXCLUDED.count, blocked = true`,
      ),
    ]);
    return { usage: usage.length, blocked: batch.blocked.length };
  }
}
