import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** One analytics event (AnalyticsEvent in the domain documents). */
export class TrackEventDto {
  @ApiProperty({ example: 'product.viewed', description: 'dot.separated lower-case event name' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, { message: 'eventType must be dot.separated lower-case words, e.g. product.viewed' })
  @MaxLength(100)
  eventType: string;

  @ApiPropertyOptional({ example: 'product' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityType?: string;

  @ApiPropertyOptional({ example: 'c1f8a3e2-...' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { source: 'storefront' } })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'When it happened (ISO-8601, UTC); defaults to when it was received' })
  @IsOptional()
  @IsDateString({ strict: true })
  timestamp?: string;
}

export class TrackEventResponse {
  @ApiProperty()
  id: string;
}
