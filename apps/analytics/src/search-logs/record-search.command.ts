import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SearchPerformedPayload } from '@suite/contracts/catalog';
import { Prisma } from '@suite/db/analytics';
import { UnitOfWork } from '@suite/platform';

/** Stores one search as a SearchLog row under the id catalog gave it (answered to the searcher). */
export class RecordSearchCommand extends Command<void> {
  constructor(readonly search: SearchPerformedPayload) {
    super();
  }
}

const json = (value: unknown) => (value === undefined || value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue));

@CommandHandler(RecordSearchCommand)
export class RecordSearchHandler implements ICommandHandler<RecordSearchCommand> {
  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  /** skipDuplicates: a search published twice (a retried publish the stream did not dedupe) is one row. */
  execute({ search: s }: RecordSearchCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      await tx.searchLog.createMany({
        data: [
          {
            id: s.searchLogId,
            query: s.query,
            index: s.index,
            resultsCount: s.resultsCount,
            took: s.took,
            isSlowQuery: s.isSlowQuery,
            filters: json(s.filters),
            sort: json(s.sort),
            userId: s.userId ?? null,
            ipAddress: s.ipAddress ?? null,
            userAgent: s.userAgent ?? null,
            createdAt: new Date(s.occurredAt),
          },
        ],
        skipDuplicates: true,
      });
    });
  }
}
