import { Injectable } from '@nestjs/common';
import type { ReportTypeName } from '@suite/contracts/analytics';
import { EVENT_SOURCES } from './event-source';
import type { ReportSource } from './report-source';

/** The source of each ReportType. A module may register another (an aggregate-backed one) over it. */
@Injectable()
export class ReportSources {
  private readonly byType = new Map<ReportTypeName, ReportSource>(EVENT_SOURCES.map((s) => [s.type, s]));

  register(source: ReportSource): void {
    this.byType.set(source.type, source);
  }

  of(type: ReportTypeName): ReportSource {
    const source = this.byType.get(type);
    if (!source) throw new Error(`no report source for ${type}`);
    return source;
  }
}
