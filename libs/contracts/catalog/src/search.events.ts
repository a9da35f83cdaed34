import { IsBoolean, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

/** Kept apart from subjects.ts/events.ts: search logging is its own feature. */
export const CatalogSearchEvents = {
  /** A product search was answered; analytics stores it as a SearchLog (published after the answer, not through the outbox). */
  SearchPerformed: 'evt.catalog.search.performed',
} as const;

export class SearchPerformedPayload {
  /** The SearchLog id, chosen by catalog so the search answer can carry it for the click endpoint. */
  @IsUUID() searchLogId: string;
  @IsString() @MaxLength(200) query: string;
  @IsString() @MaxLength(50) index: string;
  /** Every matching product, not only the page returned. */
  @IsInt() @Min(0) resultsCount: number;
  /** Milliseconds the search took in catalog. */
  @IsInt() @Min(0) took: number;
  @IsBoolean() isSlowQuery: boolean;
  @IsOptional() @IsObject() filters: Record<string, unknown> | null;
  @IsOptional() @IsObject() sort: Record<string, unknown> | null;
  @IsOptional() @IsString() userId: string | null;
  @IsOptional() @IsString() @MaxLength(64) ipAddress: string | null;
  @IsOptional() @IsString() @MaxLength(512) userAgent: string | null;
  @IsISO8601() occurredAt: string;
}

export const SearchPerformed = { subject: CatalogSearchEvents.SearchPerformed, payload: SearchPerformedPayload, version: 1 } as const;
