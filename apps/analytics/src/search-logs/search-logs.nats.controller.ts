import { Controller } from '@nestjs/common';
import { SearchClickRequest, SearchLogClick, SearchLogPopular, SearchLogZeroResults, SearchReportQuery } from '@suite/contracts/analytics';
import { CallerIdentity, Handles } from '@suite/platform';
import { SearchLogsService } from './search-logs.service';

@Controller()
export class SearchLogsNatsController {
  constructor(private readonly logs: SearchLogsService) {}

  @Handles(SearchLogClick)
  click(r: SearchClickRequest) {
    return this.logs.click(r.searchLogId, r.body.resultId);
  }

  @Handles(SearchLogPopular)
  popular(query: SearchReportQuery, caller: CallerIdentity) {
    return this.logs.popular(caller, query);
  }

  @Handles(SearchLogZeroResults)
  zeroResults(query: SearchReportQuery, caller: CallerIdentity) {
    return this.logs.zeroResults(caller, query);
  }
}
