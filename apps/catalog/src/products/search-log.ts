import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ProductListQuery, SearchPerformed, SearchPerformedPayload } from '@suite/contracts/catalog';
import { ClientInfo } from '@suite/contracts/identity';
import {
  CallerIdentity,
  currentRequestId,
  defineSetting,
  EVENT_VERSION_HEADER,
  eventStreamFor,
  JetStreamService,
  REQUEST_ID_HEADER,
  Settings,
} from '@suite/platform';

/** Whether product searches are logged at all, and from how many ms one counts as slow (SystemConfig keys). */
export const LogSearches = defineSetting('search.logEnabled', true);
/** resultsCount is exact up to this many matches (beyond the page, counting costs a scan); above it, it is this number. */
export const SearchCountLimit = defineSetting('search.countLimit', 100, (v) =>
  Number.isInteger(v) && (v as number) >= 1 ? (v as number) : undefined,
);
export const SlowSearchMs = defineSetting('search.slowQueryMs', 1000, (v) =>
  Number.isInteger(v) && (v as number) >= 0 ? (v as number) : undefined,
);

const PUBLISH_ATTEMPTS = 5;
const FILTER_FIELDS = ['storeId', 'status', 'categoryId', 'featured', 'minPrice', 'maxPrice', 'lowStock'] as const;

export interface SearchDone {
  caller: CallerIdentity;
  query: ProductListQuery;
  client?: ClientInfo;
  /** Products on the page answered; `countAll` gives the total when the page is not the whole result. */
  pageCount: number;
  countAll: ((cap: number) => Promise<number>) | null;
  took: number;
}

/**
 * Product searches for analytics' SearchLog, off the search's path: the answer carries the log id at
 * once; the total count (when the page is not all of it) and the JetStream publish happen after it.
 * Not the outbox: a search writes nothing, and a write per search would slow every one of them. A
 * publish that fails is retried (msgId = log id, so the stream stores it once); what is lost is only
 * what a crash catches in flight, which is acceptable for a log. Shutdown waits for what is pending.
 */
@Injectable()
export class SearchLog implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SearchLog.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly settings: Settings,
    private readonly jetstream: JetStreamService,
  ) {}

  /** The new log's id, or undefined when this search is not logged (no text, a later page, logging switched off). */
  async record(search: SearchDone): Promise<string | undefined> {
    if (!search.query.search || search.query.cursor) return undefined;
    const [enabled, slowMs, countLimit] = await this.settings.getAll([LogSearches, SlowSearchMs, SearchCountLimit] as const);
    if (!enabled) return undefined;
    const searchLogId = randomUUID();
    const requestId = currentRequestId();
    const work = this.publish(searchLogId, search, { slowMs, countLimit }, requestId).catch((error) =>
      this.logger.error({ err: error, searchLogId }, 'search log could not be published; it is lost'),
    );
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
    return searchLogId;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async publish(
    searchLogId: string,
    search: SearchDone,
    { slowMs, countLimit }: { slowMs: number; countLimit: number },
    requestId: string | undefined,
  ): Promise<void> {
    const resultsCount = search.countAll ? await search.countAll(Math.max(countLimit, search.pageCount)) : search.pageCount;
    const { query, caller, client } = search;
    const filters = Object.fromEntries(FILTER_FIELDS.filter((f) => query[f] !== undefined).map((f) => [f, query[f]]));
    const payload: SearchPerformedPayload = {
      searchLogId,
      query: query.search as string,
      index: 'products',
      resultsCount,
      took: search.took,
      isSlowQuery: search.took > slowMs,
      filters: Object.keys(filters).length ? filters : null,
      sort: { by: query.sort ?? 'newest' },
      userId: caller.userId ?? null,
      ipAddress: client?.ipAddress ?? null,
      userAgent: client?.userAgent ?? null,
      occurredAt: new Date().toISOString(),
    };
    const headers: Record<string, string> = { [EVENT_VERSION_HEADER]: String(SearchPerformed.version) };
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    await this.jetstream.ensureStream(eventStreamFor('catalog'));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.jetstream.publish(SearchPerformed.subject, payload, { msgId: searchLogId, headers });
        return;
      } catch (error) {
        if (attempt >= PUBLISH_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      }
    }
  }
}
