import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import { currentTransaction, InjectDb } from '@suite/platform';
import { EventRecord } from '../event-record';

/** Stores one AnalyticsEvent; answers its id. */
export class RecordEventCommand extends Command<string> {
  constructor(readonly record: EventRecord) {
    super();
  }
}

@CommandHandler(RecordEventCommand)
export class RecordEventHandler implements ICommandHandler<RecordEventCommand> {
  constructor(@InjectDb() private readonly db: AnalyticsDb) {}

  /**
   * In the event consumer's transaction when one is open, so the row commits with the inbox row or
   * not at all; a tracked event from a frontend is a single insert and needs no transaction.
   */
  async execute({ record }: RecordEventCommand): Promise<string> {
    const db = currentTransaction<Prisma.TransactionClient>() ?? this.db;
    const row = await db.analyticsEvent.create({ data: { ...record, metadata: record.metadata ?? Prisma.JsonNull }, select: { id: true } });
    return row.id;
  }
}
