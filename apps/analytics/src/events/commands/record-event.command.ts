import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import { currentTransaction, InjectDb } from '@suite/platform';
import { IngestRecord, ingestEvents } from '../../aggregates/ingest';

/** Stores one AnalyticsEvent and adds it to the aggregates; answers its id (null for a message id seen before). */
export class RecordEventCommand extends Command<string | null> {
  constructor(readonly record: IngestRecord) {
    super();
  }
}

@CommandHandler(RecordEventCommand)
export class RecordEventHandler implements ICommandHandler<RecordEventCommand> {
  constructor(@InjectDb() private readonly db: AnalyticsDb) {}

  /**
   * In the event consumer's transaction when one is open, so the row and its aggregates commit with
   * the inbox row or not at all; a tracked event from a frontend gets a transaction of its own.
   */
  async execute({ record }: RecordEventCommand): Promise<string | null> {
    const tx = currentTransaction<Prisma.TransactionClient>();
    const [id] = tx ? await ingestEvents(tx, [record]) : await this.db.$transaction((own) => ingestEvents(own, [record]));
    return id ?? null;
  }
}
