import { Injectable } from '@nestjs/common';
import { AnyEventBody, EveryEvent } from '@suite/contracts/analytics';
import { CatalogSearchEvents } from '@suite/contracts/catalog';
import { EventMeta, OnEvent } from '@suite/platform';
import { RecordEventCommand } from './commands/record-event.command';
import { recordOf } from './event-record';

/**
 * Every service's events become AnalyticsEvent rows: one durable on each service's stream, and the
 * inbox (one row per message id) keeps a redelivered or replayed event from being counted twice.
 */
@Injectable()
export class EveryEventConsumer {
  @OnEvent(EveryEvent, { name: 'record-event' })
  onEvent(event: AnyEventBody, meta: EventMeta): RecordEventCommand | undefined {
    // Searches are stored once, as SearchLog rows (search-log.consumer.ts): one row per search is enough.
    if (meta.subject === CatalogSearchEvents.SearchPerformed) return undefined;
    // The message id makes the row unique: a redelivery the inbox did not catch (its row purged) still lands once.
    return new RecordEventCommand({ ...recordOf(meta.subject, { ...event }, meta.publishedAt), sourceEventId: meta.messageId });
  }
}
