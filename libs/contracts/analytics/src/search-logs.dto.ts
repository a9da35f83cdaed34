import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

export class SearchLogRef {
  @IsUUID() searchLogId: string;
}

export class SearchClickDto {
  @ApiProperty({ description: 'Id of the result the user opened (a product id for the products index)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  resultId: string;
}

export class SearchClickView {
  @ApiProperty() id: string;
  @ApiProperty() clickedResult: string;
}

/** A time range (from inclusive, to exclusive) over the searches' createdAt, and how many queries to list. */
export class SearchReportQuery {
  @ApiProperty({ example: '2026-12-01T00:00:00Z' }) @IsISO8601({ strict: true }) from: string;
  @ApiProperty({ example: '2026-12-08T00:00:00Z' }) @IsISO8601({ strict: true }) to: string;
  @ApiPropertyOptional({ example: 'products', default: 'products' }) @IsOptional() @IsString() @MaxLength(50) index?: string;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class PopularQueryView {
  @ApiProperty({ description: 'The query, trimmed and lower-cased' }) query: string;
  @ApiProperty() searches: number;
  @ApiProperty({ description: 'Searches of it whose result someone opened' }) clicks: number;
  @ApiProperty({ description: 'Searches with no result' }) zeroResults: number;
  @ApiProperty() averageResults: number;
  @ApiProperty() averageTookMs: number;
  @ApiProperty() lastSearchedAt: string;
}

export class ZeroResultQueryView {
  @ApiProperty({ description: 'The query, trimmed and lower-cased' }) query: string;
  @ApiProperty() searches: number;
  @ApiProperty() lastSearchedAt: string;
}
