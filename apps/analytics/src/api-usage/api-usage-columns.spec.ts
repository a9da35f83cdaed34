import { randomUUID } from 'node:crypto';
import { ApiUsageRecordRequest, ApiUsageRow, toUsageColumns } from '@suite/contracts/analytics';
import { AppError, createValidationPipe } from '@suite/platform';

/** The usage batch as analytics validates it: columns, one value per row in each. */
describe('ApiUsageColumns', () => {
  const pipe = createValidationPipe();
  const row = (overrides: Partial<ApiUsageRow> = {}): ApiUsageRow => ({
    id: randomUUID(),
    endpoint: '/api/v1/products',
    method: 'GET',
    version: 'v1',
    statusCode: 200,
    responseTime: 4,
    ipAddress: '198.51.100.7',
    rateLimitHit: false,
    throttled: false,
    timestamp: '2026-12-08T01:00:00.000Z',
    ...overrides,
  });
  const validate = (usage: unknown) => pipe.transform({ usage, blocked: [] }, { type: 'body', metatype: ApiUsageRecordRequest });
  const invalidFields = (usage: unknown) =>
    validate(usage).then(
      () => [],
      (e: AppError) => (e.details?.errors ?? []).map((x) => x.field),
    );

  it('turns rows into columns, optional fields as null, and accepts them', async () => {
    const rows = [row({ userAgent: 'curl/8', metadata: { a: 1 }, queueTime: 2 }), row()];
    const columns = toUsageColumns(rows);
    expect(columns.userAgent).toEqual(['curl/8', null]);
    expect(columns.metadata).toEqual([{ a: 1 }, null]);
    expect(columns.queueTime).toEqual([2, null]);
    expect(columns.id).toEqual(rows.map((r) => r.id));
    await expect(validate(columns)).resolves.toBeDefined();
    await expect(validate(toUsageColumns([]))).resolves.toBeDefined();
  });

  it('names the column holding a bad value', async () => {
    expect(await invalidFields(toUsageColumns([row(), row({ statusCode: 42 })]))).toEqual(['usage.statusCode']);
    expect(await invalidFields(toUsageColumns([row({ userAgent: 'x'.repeat(513) })]))).toEqual(['usage.userAgent']);
    expect(await invalidFields(toUsageColumns([row({ requestSize: -1 }), row({ id: 'not-a-uuid' })]))).toEqual(
      expect.arrayContaining(['usage.requestSize', 'usage.id']),
    );
  });

  it('refuses columns of different lengths and a column that is not an array', async () => {
    const columns = toUsageColumns([row(), row()]);
    expect(await invalidFields({ ...columns, method: ['GET'] })).toEqual(['usage.id']);
    expect(await invalidFields({ ...columns, throttled: 'no' })).toEqual(expect.arrayContaining(['usage.throttled']));
  });

  it('refuses a batch over the size limit', async () => {
    const many = toUsageColumns(Array.from({ length: 2001 }, () => row()));
    expect(await invalidFields(many)).toEqual(['usage.id']);
  });
});
