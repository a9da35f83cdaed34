import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import type { ApiUsageRow } from './api-usage.dto';

/** Rows per ApiUsageRecord message: the gateway's batch size is capped by it. */
export const API_USAGE_MAX_BATCH = 2000;

const each = { each: true };

/** Every element null or a string of at most `max` characters. */
const NullableStrings = (max: number) =>
  ValidateBy({
    name: 'nullableStrings',
    validator: {
      validate: (v: unknown) => Array.isArray(v) && v.every((x) => x === null || (typeof x === 'string' && x.length <= max)),
      defaultMessage: (a) => `each value of ${a?.property} must be null or a string of at most ${max} characters`,
    },
  });

/** Every element null or a whole number >= 0. */
const NullableCounts = () =>
  ValidateBy({
    name: 'nullableCounts',
    validator: {
      validate: (v: unknown) => Array.isArray(v) && v.every((x) => x === null || (Number.isInteger(x) && (x as number) >= 0)),
      defaultMessage: (a) => `each value of ${a?.property} must be null or a whole number >= 0`,
    },
  });

/** Every element null or a JSON object. */
const NullableObjects = () =>
  ValidateBy({
    name: 'nullableObjects',
    validator: {
      validate: (v: unknown) => Array.isArray(v) && v.every((x) => x === null || (typeof x === 'object' && !Array.isArray(x))),
      defaultMessage: (a) => `each value of ${a?.property} must be null or an object`,
    },
  });

/** Every column as long as `id`: row i is the i-th value of each. */
const SameLengthAsId = () =>
  ValidateBy({
    name: 'sameLengthAsId',
    validator: {
      validate: (v: unknown, a) => {
        const o = a?.object as Record<string, unknown[]>;
        return Array.isArray(v) && Object.keys(COLUMN_OF).every((k) => Array.isArray(o[k]) && o[k].length === v.length);
      },
      defaultMessage: () => 'every column must have one value per id',
    },
  });

/**
 * A batch of ApiUsageLog rows as columns, row i being the i-th value of every array. Validating one object of
 * 18 arrays costs about a tenth of validating 500 row objects (class-validator's work is per object), and the
 * columns are what analytics' single INSERT ... unnest() takes.
 */
export class ApiUsageColumns {
  /** Made by the gateway: a batch sent again after a lost answer is not stored twice. */
  @IsUUID('all', each) @ArrayMaxSize(API_USAGE_MAX_BATCH) @SameLengthAsId() id: string[];
  @NullableStrings(64) userId: (string | null)[];
  /** The key's id, never the key. */
  @NullableStrings(64) apiKey: (string | null)[];
  /** The route template (`/api/v1/orders/:orderId`), never the raw URL. */
  @IsArray() @IsString(each) @MaxLength(300, each) endpoint: string[];
  @IsArray() @IsString(each) @MaxLength(10, each) method: string[];
  @IsArray() @IsString(each) @MaxLength(10, each) version: string[];
  @IsArray() @IsInt(each) @Min(100, each) @Max(599, each) statusCode: number[];
  @IsArray() @IsInt(each) @Min(0, each) responseTime: number[];
  @NullableCounts() requestSize: (number | null)[];
  @NullableCounts() responseSize: (number | null)[];
  @IsArray() @IsString(each) @MaxLength(64, each) ipAddress: string[];
  @NullableStrings(512) userAgent: (string | null)[];
  @NullableStrings(1024) referer: (string | null)[];
  @IsArray() @IsBoolean(each) rateLimitHit: boolean[];
  @IsArray() @IsBoolean(each) throttled: boolean[];
  @NullableCounts() queueTime: (number | null)[];
  @NullableObjects() metadata: (Record<string, unknown> | null)[];
  @IsArray() @IsDateString({}, each) timestamp: string[];
}

/** Each column and the row field it holds (undefined becomes null). */
const COLUMN_OF: Record<Exclude<keyof ApiUsageColumns, 'id'>, keyof ApiUsageRow> = {
  userId: 'userId',
  apiKey: 'apiKey',
  endpoint: 'endpoint',
  method: 'method',
  version: 'version',
  statusCode: 'statusCode',
  responseTime: 'responseTime',
  requestSize: 'requestSize',
  responseSize: 'responseSize',
  ipAddress: 'ipAddress',
  userAgent: 'userAgent',
  referer: 'referer',
  rateLimitHit: 'rateLimitHit',
  throttled: 'throttled',
  queueTime: 'queueTime',
  metadata: 'metadata',
  timestamp: 'timestamp',
};

/** The gateway's buffered rows as one ApiUsageColumns. */
export function toUsageColumns(rows: ApiUsageRow[]): ApiUsageColumns {
  const columns = { id: rows.map((r) => r.id) } as Record<string, unknown[]>;
  for (const [column, field] of Object.entries(COLUMN_OF)) columns[column] = rows.map((r) => r[field] ?? null);
  return columns as unknown as ApiUsageColumns;
}
