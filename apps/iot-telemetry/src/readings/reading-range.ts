import { MAX_BUCKETS, ReadingBucket, ReadingQuery } from '@suite/contracts/iot-telemetry';
import { invalid } from '@suite/platform';

export const BUCKET_MS: Record<ReadingBucket, number> = { '1m': 60_000, '1h': 3_600_000, '1d': 86_400_000 };
/** date_bin's stride for each bucket: aligned on the UTC epoch, so 1d buckets are UTC days whatever the session time zone. */
export const BUCKET_INTERVAL: Record<ReadingBucket, string> = { '1m': '1 minute', '1h': '1 hour', '1d': '1 day' };
const DEFAULT_RANGE_MS = 24 * 3_600_000;

const bad = (field: string, message: string) => invalid('IOT.INVALID_READING_QUERY', message, { errors: [{ field, messages: [message] }] });

/** [from, to): `to` defaults to now and `from` to 24 h before `to`; a bucketed range is capped at MAX_BUCKETS buckets. */
export function readingRange(query: Pick<ReadingQuery, 'from' | 'to' | 'bucket'>, now = new Date()): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
  if (from.getTime() > to.getTime()) throw bad('from', 'from must not be after to');
  if (query.bucket && (to.getTime() - from.getTime()) / BUCKET_MS[query.bucket] > MAX_BUCKETS) {
    throw bad('bucket', `at most ${MAX_BUCKETS} buckets per sensor: use a larger bucket or a shorter range`);
  }
  return { from, to };
}
