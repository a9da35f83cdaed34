import { Injectable } from '@nestjs/common';
import { PopularQueryView, SearchClickView, SearchReportQuery, ZeroResultQueryView } from '@suite/contracts/analytics';
import { AnalyticsDb } from '@suite/db/analytics';
import { CallerIdentity, forbidden, InjectDb, invalid, notFound } from '@suite/platform';
import { isReportStaff, requireSignedIn } from '../reports/report-access';

/** A click may come before the search's event has been stored (it is written off the search's path): wait this long for it. */
const CLICK_WAIT_MS = 2000;
const CLICK_POLL_MS = 50;
const DEFAULT_INDEX = 'products';

interface PopularRow {
  query: string;
  searches: number;
  clicks: number;
  zero_results: number;
  average_results: number;
  average_took: number;
  last_searched_at: Date;
}

/** Search logs: the result opened from a search, and what people look for (and do not find), for staff. */
@Injectable()
export class SearchLogsService {
  constructor(@InjectDb() private readonly db: AnalyticsDb) {}

  async click(searchLogId: string, resultId: string): Promise<SearchClickView> {
    const deadline = Date.now() + CLICK_WAIT_MS;
    for (;;) {
      const { count } = await this.db.searchLog.updateMany({ where: { id: searchLogId }, data: { clickedResult: resultId } });
      if (count > 0) return { id: searchLogId, clickedResult: resultId };
      if (Date.now() >= deadline) throw notFound('ANALYTICS.SEARCH_LOG_NOT_FOUND', 'No such search.', { searchLogId });
      await new Promise((resolve) => setTimeout(resolve, CLICK_POLL_MS));
    }
  }

  async popular(caller: CallerIdentity, query: SearchReportQuery): Promise<PopularQueryView[]> {
    const rows = await this.db.$queryRawUnsafe<PopularRow[]>(
      `SELECT lower(btrim(query)) AS query, count(*)::int AS searches, count(clicked_result)::int AS clicks,
              count(*) FILTER (WHERE results_count = 0)::int AS zero_results,
              round(avg(results_count), 2)::float8 AS average_results, round(avg(took), 1)::float8 AS average_took,
              max(created_at) AS last_searched_at
         FROM search_logs WHERE created_at >= $1 AND created_at < $2 AND index = $3
        GROUP BY 1 ORDER BY searches DESC, query ASC LIMIT $4`,
      ...this.range(caller, query),
    );
    return rows.map((r) => ({
      query: r.query,
      searches: r.searches,
      clicks: r.clicks,
      zeroResults: r.zero_results,
      averageResults: r.average_results,
      averageTookMs: r.average_took,
      lastSearchedAt: r.last_searched_at.toISOString(),
    }));
  }

  async zeroResults(caller: CallerIdentity, query: SearchReportQuery): Promise<ZeroResultQueryView[]> {
    const rows = await this.db.$queryRawUnsafe<Pick<PopularRow, 'query' | 'searches' | 'last_searched_at'>[]>(
      `SELECT lower(btrim(query)) AS query, count(*)::int AS searches, max(created_at) AS last_searched_at
         FROM search_logs WHERE created_at >= $1 AND created_at < $2 AND index = $3 AND results_count = 0
        GROUP BY 1 ORDER BY searches DESC, query ASC LIMIT $4`,
      ...this.range(caller, query),
    );
    return rows.map((r) => ({ query: r.query, searches: r.searches, lastSearchedAt: r.last_searched_at.toISOString() }));
  }

  /** Other people's queries are platform data: staff only (a seller's analytics:read covers their own teams' figures). */
  private range(caller: CallerIdentity, query: SearchReportQuery): [Date, Date, string, number] {
    requireSignedIn(caller);
    if (!isReportStaff(caller)) throw forbidden('ANALYTICS.STAFF_ONLY', 'Search reports are for staff.');
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (!(from < to))
      throw invalid('ANALYTICS.INVALID_RANGE', 'Invalid range: to.', { errors: [{ field: 'to', messages: ['to must be after from'] }] });
    return [from, to, query.index ?? DEFAULT_INDEX, query.limit ?? 20];
  }
}
