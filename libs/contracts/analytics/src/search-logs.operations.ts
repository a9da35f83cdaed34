import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { operation } from '@suite/contracts/identity';
import { PopularQueryView, SearchClickDto, SearchClickView, SearchLogRef, SearchReportQuery, ZeroResultQueryView } from './search-logs.dto';
import { SettingsSubjects } from './settings.subjects';

export class SearchClickRequest extends SearchLogRef {
  @ValidateNested() @Type(() => SearchClickDto) body: SearchClickDto;
}

/** The storefront reports which result of a search was opened (the id comes with the search's answer). */
export const SearchLogClick = operation({
  subject: SettingsSubjects.SearchLogClick,
  request: SearchClickRequest,
  response: SearchClickView,
  http: {
    method: 'POST',
    path: 'search-logs/:searchLogId/click',
    public: true,
    body: SearchClickDto,
    status: 200,
    // The service waits up to 2 s for a search whose log is still on its way.
    timeoutMs: 10000,
    summary: "Record the result opened from a search (its clickedResult); the id is the search answer's searchLogId",
  },
});

export const SearchLogPopular = operation({
  subject: SettingsSubjects.SearchLogPopular,
  request: SearchReportQuery,
  response: [PopularQueryView],
  permissions: ['analytics:read'],
  http: { method: 'GET', path: 'search-logs/popular', query: SearchReportQuery, summary: 'Most searched queries in a time range (staff)' },
});

export const SearchLogZeroResults = operation({
  subject: SettingsSubjects.SearchLogZeroResults,
  request: SearchReportQuery,
  response: [ZeroResultQueryView],
  permissions: ['analytics:read'],
  http: {
    method: 'GET',
    path: 'search-logs/zero-results',
    query: SearchReportQuery,
    summary: 'Queries that found nothing in a time range, most frequent first (staff)',
  },
});

export const SearchLogOperations = [SearchLogClick, SearchLogPopular, SearchLogZeroResults];
