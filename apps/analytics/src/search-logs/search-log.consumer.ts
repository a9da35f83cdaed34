import { Injectable } from '@nestjs/common';
import { SearchPerformed, SearchPerformedPayload } from '@suite/contracts/catalog';
import { OnEvent } from '@suite/platform';
import { RecordSearchCommand } from './record-search.command';

/** Catalog's product searches become SearchLog rows (durable `analytics__record-search`, shared by every replica). */
@Injectable()
export class SearchLogConsumer {
  @OnEvent(SearchPerformed, { name: 'record-search' })
  onSearch(event: SearchPerformedPayload): RecordSearchCommand {
    return new RecordSearchCommand(event);
  }
}
