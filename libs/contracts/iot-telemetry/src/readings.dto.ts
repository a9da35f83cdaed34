import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const READING_BUCKETS = ['1m', '1h', '1d'] as const;
export type ReadingBucket = (typeof READING_BUCKETS)[number];
export const MAX_READINGS_PAGE = 1000;
/** A bucketed query answers at most this many buckets per sensor (range / bucket), so one request cannot ask for millions. */
export const MAX_BUCKETS = 10_000;

/** GET /devices/:id/readings. Without bucket: raw rows newest first (cursor); with bucket: per-sensor aggregates, oldest first. */
export class ReadingQuery {
  @ApiPropertyOptional({ description: 'one sensor of the device; all its sensors otherwise' }) @IsOptional() @IsUUID() sensorId?: string;
  @ApiPropertyOptional({ description: 'inclusive (ISO 8601); default 24 h before `to`' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'exclusive (ISO 8601); default now' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional({ enum: READING_BUCKETS, description: 'downsample: min/max/avg/count per sensor per bucket' })
  @IsOptional()
  @IsIn(READING_BUCKETS)
  bucket?: ReadingBucket;
  @ApiPropertyOptional({ maximum: MAX_READINGS_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_READINGS_PAGE)
  limit?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a cursor returned by a previous page' })
  cursor?: string;
}

export class ReadingView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true }) sensorId: string | null;
  @ApiProperty() type: string;
  @ApiProperty() value: number;
  @ApiProperty() unit: string;
  @ApiPropertyOptional({ nullable: true, description: 'GOOD or OUT_OF_RANGE' }) quality: string | null;
  @ApiProperty() timestamp: string;
}

export class ReadingBucketView {
  @ApiProperty() sensorId: string;
  @ApiProperty({ description: 'start of the bucket (UTC)' }) bucket: string;
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty() avg: number;
  @ApiProperty() count: number;
}

/** Raw: `items` + `nextCursor`; bucketed: `buckets`. */
export class ReadingsView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiPropertyOptional({ enum: READING_BUCKETS, nullable: true }) bucket: ReadingBucket | null;
  @ApiPropertyOptional({ type: [ReadingView] }) items?: ReadingView[];
  @ApiPropertyOptional({ nullable: true }) nextCursor?: string | null;
  @ApiPropertyOptional({ type: [ReadingBucketView] }) buckets?: ReadingBucketView[];
}

export class LatestReadingView {
  @ApiProperty() sensorId: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty() unit: string;
  @ApiPropertyOptional({ nullable: true, description: 'null when the sensor has sent nothing yet' }) value: number | null;
  @ApiPropertyOptional({ nullable: true }) quality: string | null;
  @ApiPropertyOptional({ nullable: true }) timestamp: string | null;
}
