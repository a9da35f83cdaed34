import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsDateString, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '@suite/contracts/core';
import { API_USAGE_MAX_BATCH, ApiUsageColumns } from './api-usage-columns';

/** One request through the gateway (ApiUsageLog), as the gateway buffers it; it travels as ApiUsageColumns. */
export interface ApiUsageRow {
  /** Made by the gateway: a batch sent again after a lost answer is not stored twice. */
  id: string;
  userId?: string;
  /** The key's id, never the key. */
  apiKey?: string;
  /** The route template (`/api/v1/orders/:orderId`), never the raw URL. */
  endpoint: string;
  method: string;
  version: string;
  statusCode: number;
  responseTime: number;
  requestSize?: number;
  responseSize?: number;
  ipAddress: string;
  userAgent?: string;
  referer?: string;
  rateLimitHit: boolean;
  throttled: boolean;
  queueTime?: number;
  metadata?: Record<string, unknown>;
  timestamp: string;
}

/** Requests refused in one rate-limit window (RateLimitLog): `count` is added to the stored row's. */
export class BlockedWindow {
  /** `user:<id>`, `key:<id>` or `ip:<address>`. */
  @IsString() @MaxLength(200) identifier: string;
  /** `METHOD /route/template`. */
  @IsString() @MaxLength(320) endpoint: string;
  @IsDateString() windowStart: string;
  @IsDateString() windowEnd: string;
  @IsInt() @Min(1) count: number;
}

export class ApiUsageRecordRequest {
  @ValidateNested() @Type(() => ApiUsageColumns) usage: ApiUsageColumns;
  @ValidateNested({ each: true }) @ArrayMaxSize(API_USAGE_MAX_BATCH) @Type(() => BlockedWindow) blocked: BlockedWindow[];
}

export class ApiUsageRecorded {
  @ApiProperty() usage: number;
  @ApiProperty() blocked: number;
}

/** A time range; the last 24 hours by default. At most 500 groups, busiest first. */
export class ApiUsageRange {
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Start (included); 24 hours before `to` by default' })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-02T00:00:00Z', description: 'End (excluded); now by default' })
  @IsOptional()
  @IsDateString()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100, description: 'Groups returned, busiest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ApiUsageByKeyQuery extends ApiUsageRange {
  @ApiPropertyOptional({ description: 'One API key id' }) @IsOptional() @IsString() @MaxLength(64) apiKey?: string;
}
export class ApiUsageByUserQuery extends ApiUsageRange {
  @ApiPropertyOptional({ description: 'One user id (others than yourself: staff only)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  userId?: string;
}
export class ApiUsageByEndpointQuery extends ApiUsageRange {
  @ApiPropertyOptional({ example: '/api/v1/products/:productId' }) @IsOptional() @IsString() @MaxLength(300) endpoint?: string;
  @ApiPropertyOptional({ example: 'GET' }) @IsOptional() @IsIn(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) method?: string;
}

/** Requests of one group (an API key, a user or an endpoint) in the range. Times in ms. */
export class ApiUsageStats {
  @ApiPropertyOptional({ nullable: true }) apiKey?: string | null;
  @ApiPropertyOptional({ nullable: true }) userId?: string | null;
  @ApiPropertyOptional() endpoint?: string;
  @ApiPropertyOptional() method?: string;
  @ApiProperty() requests: number;
  @ApiProperty({ description: 'Answers with status 400 and above' }) errors: number;
  @ApiProperty({ description: 'Answers with status 500 and above' }) serverErrors: number;
  @ApiProperty({ description: 'Requests refused with 429' }) throttled: number;
  @ApiProperty() p50: number;
  @ApiProperty() p95: number;
  @ApiProperty() p99: number;
  @ApiProperty() avg: number;
}

export class ApiUsageReport {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [ApiUsageStats] }) items: ApiUsageStats[];
}

export class RateLimitQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Windows starting at or after' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'Windows starting before' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional({ example: 'ip:203.0.113.7' }) @IsOptional() @IsString() @MaxLength(200) identifier?: string;
  @ApiPropertyOptional({ example: 'POST /api/v1/auth/login' }) @IsOptional() @IsString() @MaxLength(320) endpoint?: string;
}

/** A rate-limit window in which requests were refused. */
export class RateLimitWindowView {
  @ApiProperty() id: string;
  @ApiProperty() identifier: string;
  @ApiProperty() endpoint: string;
  @ApiProperty({ description: 'Requests refused in the window (added up across gateway replicas)' }) count: number;
  @ApiProperty() windowStart: string;
  @ApiProperty() windowEnd: string;
  @ApiProperty() blocked: boolean;
  @ApiProperty() createdAt: string;
}
