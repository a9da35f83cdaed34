import { AppError } from '@suite/platform';
import { readingRange } from './reading-range';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).details?.errors?.[0].field;
  }
  return undefined;
};

describe('readingRange', () => {
  const now = new Date('2026-11-22T12:00:00.000Z');

  it('defaults to the 24 hours before now', () => {
    expect(readingRange({}, now)).toEqual({ from: new Date('2026-11-21T12:00:00.000Z'), to: now });
  });

  it('takes 24 hours before an explicit `to` when `from` is missing', () => {
    expect(readingRange({ to: '2026-11-10T00:00:00Z' }, now).from).toEqual(new Date('2026-11-09T00:00:00.000Z'));
  });

  it('refuses from after to, naming from', () => {
    expect(fieldOf(() => readingRange({ from: '2026-11-22T01:00:00Z', to: '2026-11-22T00:00:00Z' }, now))).toBe('from');
  });

  it('caps the number of buckets, naming bucket', () => {
    const week = { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z' };
    expect(fieldOf(() => readingRange({ ...week, bucket: '1m' }, now))).toBe('bucket');
    expect(readingRange({ ...week, bucket: '1h' }, now).to).toEqual(new Date('2026-11-08T00:00:00Z'));
  });
});
