import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** MetricType of the domain documents plus the grower metrics of devices. */
export const METRIC_TYPES = [
  'TOTAL_REVENUE',
  'TOTAL_ORDERS',
  'AVERAGE_ORDER_VALUE',
  'CONVERSION_RATE',
  'RETURN_RATE',
  'CUSTOMER_LIFETIME_VALUE',
  'TOP_PRODUCTS',
  'TOP_CUSTOMERS',
  'DEVICE_READINGS',
  'DEVICE_UPTIME',
  'DEVICE_ALERTS',
] as const;
export type MetricTypeName = (typeof METRIC_TYPES)[number];
export const METRIC_PERIODS = ['day', 'week', 'month', 'custom'] as const;
export const METRIC_INTERVALS = ['hour', 'day', 'week', 'month'] as const;
/** `platform` is another name for `channel`. */
export const METRIC_DIMENSIONS = ['store', 'team', 'channel', 'platform', 'product', 'category', 'device'] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period (in the caller's time zone) and the slice of the data a metric covers. */
export class MetricScopeQuery {
  @ApiPropertyOptional({ enum: METRIC_PERIODS, default: 'day', description: 'custom takes from and to' })
  @IsOptional()
  @IsIn(METRIC_PERIODS)
  period?: (typeof METRIC_PERIODS)[number];

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'A local date in the period (day, week from Monday, month); today by default',
  })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'date must be a local date YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'First local day of a custom period' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'from must be a local date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last local day of a custom period (included)' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'to must be a local date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ example: 'Asia/Manila', default: 'UTC', description: 'IANA time zone: days start at local midnight' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) storeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) teamId?: string;
  @ApiPropertyOptional({ description: 'Sales channel or platform (storefront, marketplace, tiktok, ...)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  channel?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) productId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) deviceId?: string;
}

export class MetricQuery extends MetricScopeQuery {
  @ApiProperty({ enum: METRIC_TYPES })
  @IsIn(METRIC_TYPES, { message: `metric must be one of ${METRIC_TYPES.join(', ')}` })
  metric: MetricTypeName;

  @ApiPropertyOptional({ enum: METRIC_INTERVALS, description: 'Series step: hour for a day, day otherwise by default' })
  @IsOptional()
  @IsIn(METRIC_INTERVALS)
  interval?: (typeof METRIC_INTERVALS)[number];

  @ApiPropertyOptional({ enum: METRIC_DIMENSIONS, description: 'Break the total down by this dimension' })
  @IsOptional()
  @IsIn(METRIC_DIMENSIONS, { message: `dimension must be one of ${METRIC_DIMENSIONS.join(', ')}` })
  dimension?: MetricDimension;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10, description: 'Entries of TOP_PRODUCTS / TOP_CUSTOMERS' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class MetricPeriodView {
  @ApiProperty({ description: 'Start (UTC instant)' }) from: string;
  @ApiProperty({ description: 'End, excluded (UTC instant)' }) to: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ enum: METRIC_INTERVALS }) interval: string;
}

export class MetricPointView {
  @ApiProperty({ example: '2026-12-01T00:00:00', description: 'Local start of the step in the time zone' }) start: string;
  @ApiPropertyOptional({ nullable: true, description: 'Decimal string; null when undefined (no denominator)' }) value: string | null;
}

export class MetricEntryView {
  @ApiProperty({ description: 'Product, customer or dimension value' }) key: string;
  @ApiPropertyOptional({ nullable: true }) value: string | null;
  @ApiPropertyOptional({ description: 'Orders (TOP_CUSTOMERS) or order lines (TOP_PRODUCTS)' }) count?: number;
}

export class MetricView {
  @ApiProperty({ enum: METRIC_TYPES }) metric: string;
  @ApiProperty({ enum: ['money', 'count', 'ratio'] }) unit: string;
  @ApiProperty({ type: MetricPeriodView }) period: MetricPeriodView;
  @ApiPropertyOptional({ nullable: true, description: 'Decimal string over the whole period' }) total: string | null;
  @ApiProperty({ type: [MetricPointView] }) series: MetricPointView[];
  @ApiProperty({ type: [MetricEntryView], description: 'Per dimension value, or the top entries' }) entries: MetricEntryView[];
  @ApiProperty() calculatedAt: string;
  @ApiProperty({ description: 'Served from AnalyticsCache' }) cached: boolean;
}

export class DashboardView {
  @ApiProperty({ type: MetricPeriodView }) period: MetricPeriodView;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description: 'Total of every metric over the period (decimal strings)',
  })
  totals: Record<string, string | null>;
  @ApiProperty({ description: 'Accounts registered in the period' }) newCustomers: number;
  @ApiProperty({ type: [MetricEntryView] }) topProducts: MetricEntryView[];
  @ApiProperty({ type: [MetricEntryView] }) topCustomers: MetricEntryView[];
}
