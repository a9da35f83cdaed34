import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLEARING_EVENTS } from '@suite/contracts/alerting';
import { UnitOfWork } from '@suite/platform';
import { Tx } from '../../access/access';
import { AlertWriter } from '../alert-writer';
import { factsOf, fingerprintOf, groupKeyOf } from '../event-facts';
import { RuleMatcher } from '../rule-matcher';

export class EvaluateEventCommand {
  constructor(
    readonly subject: string,
    readonly payload: object,
    readonly eventId: string,
    readonly at: Date,
  ) {}
}

/**
 * One event against every active rule on its subject (in the consumer's transaction): firing rules raise or count on
 * their alert; a clearing event (threshold cleared, device online) resolves the open alerts of the rules on the event it clears.
 */
@CommandHandler(EvaluateEventCommand)
export class EvaluateEventHandler implements ICommandHandler<EvaluateEventCommand, number> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly matcher: RuleMatcher,
    private readonly writer: AlertWriter,
  ) {}

  execute({ subject, payload, eventId, at }: EvaluateEventCommand): Promise<number> {
    return this.uow.run(async (tx) => {
      const facts = factsOf(subject, payload);
      let changed = 0;
      for (const rule of await this.matcher.rulesFor(tx, subject)) {
        const { fires, countBy } = await this.matcher.fires(tx, rule, facts, payload, at);
        if (!fires) continue;
        await this.writer.record(tx, {
          rule,
          fingerprint: fingerprintOf(rule, payload, countBy),
          groupKey: groupKeyOf(rule, payload),
          facts,
          eventType: subject,
          eventId,
          payload,
          at,
        });
        changed++;
      }
      const cleared = CLEARING_EVENTS[subject];
      if (cleared) {
        const rules = await tx.alertRule.findMany({
          where: { eventType: cleared, isDeleted: false },
          select: { id: true, fingerprintFields: true, groupBy: true },
        });
        changed += await this.writer.resolve(
          tx,
          rules.map((r) => fingerprintOf(r, payload)),
          { resolvedBy: subject, eventId },
        );
      }
      return changed;
    });
  }
}
