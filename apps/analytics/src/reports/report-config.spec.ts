import type { ReportConfigurationDto } from '@suite/contracts/analytics';
import { planReport, planSql } from './report-config';
import { checkSchedule, nextRun } from './report-schedule';
import { EVENT_SOURCES } from './sources/event-source';

const source = (type: string) => EVENT_SOURCES.find((s) => s.type === type)!;
const fieldsOf = (type: string, config: ReportConfigurationDto) => {
  try {
    planReport(type as 'ORDERS', config, source(type), new Date('2026-12-02T00:00:00Z'));
    return [];
  } catch (error) {
    expect(error).toMatchObject({ kind: 'invalid', code: 'ANALYTICS.INVALID_REPORT' });
    return (error as { details: { errors: { field: string }[] } }).details.errors.map((e) => e.field);
  }
};

describe('report configuration, checked against its type when saved', () => {
  it("accepts the type's columns, grouping and sort, and resolves lastDays against the run's time", () => {
    const plan = planReport(
      'ORDERS',
      { columns: ['total'], groupBy: ['storeId'], sort: [{ column: 'sum_total', direction: 'desc' }], filters: { lastDays: 7 } },
      source('ORDERS'),
      new Date('2026-12-02T00:00:00Z'),
    );
    expect(plan.columns.map((c) => c.key)).toEqual(['storeId', 'count', 'sum_total']);
    expect(plan.orderBy).toEqual(['3 DESC']);
    expect(plan.filters.from).toEqual(new Date('2026-11-25T00:00:00Z'));
    const { sql, params } = planSql(plan, source('ORDERS'), 'a1b2c3d4-0000-4000-8000-000000000000');
    expect(sql).toContain('GROUP BY');
    expect(params).toContain('a1b2c3d4-0000-4000-8000-000000000000');
  });

  it('names every column, grouping, sort and filter that cannot run', () => {
    expect(fieldsOf('ORDERS', { columns: ['orderCode', 'nope', 'orderCode'] })).toEqual([
      'configuration.columns[1]',
      'configuration.columns',
    ]);
    expect(fieldsOf('ORDERS', { groupBy: ['total'] })).toEqual(['configuration.groupBy[0]']);
    expect(fieldsOf('ORDERS', { groupBy: ['storeId'], columns: ['orderCode'] })).toEqual(['configuration.columns[0]']);
    expect(fieldsOf('ORDERS', { sort: [{ column: 'deviceId' }] })).toEqual(['configuration.sort[0].column']);
    expect(fieldsOf('DEVICES', { columns: ['total'] })).toEqual(['configuration.columns[0]']);
    expect(fieldsOf('ORDERS', { filters: { from: 'yesterday', colour: 'red' } })).toEqual([
      'configuration.filters.colour',
      'configuration.filters.from',
    ]);
    expect(fieldsOf('ORDERS', { filters: { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' } })).toEqual([
      'configuration.filters.to',
    ]);
    expect(fieldsOf('ORDERS', { filters: { eventTypes: ['evt.orders.order.placed', 'evt.iot-telemetry.device.offline'] } })).toEqual([
      'configuration.filters.eventTypes[1]',
    ]);
    expect(fieldsOf('ORDERS', { filters: { storeIds: ['not-a-uuid'], lastDays: 0 } })).toEqual([
      'configuration.filters.lastDays',
      'configuration.filters.storeIds[0]',
    ]);
    expect(fieldsOf('CUSTOM', { filters: { eventTypes: ['product.viewed'] } })).toEqual([]);
  });

  it('has a source for every report type', () => {
    expect(EVENT_SOURCES.map((s) => s.type).sort()).toEqual(
      ['SALES', 'INVENTORY', 'FULFILLMENT', 'CUSTOMER', 'FINANCIAL', 'REVENUE', 'USERS', 'PRODUCTS', 'ORDERS', 'DEVICES', 'CUSTOM'].sort(),
    );
  });
});

describe('report schedules', () => {
  it('accepts 5- and 6-field crons in an IANA zone, UTC by default', () => {
    expect(checkSchedule({ cron: '0 7 * * 1', timezone: 'Asia/Manila' })).toEqual({
      ok: true,
      schedule: { cron: '0 7 * * 1', timezone: 'Asia/Manila' },
    });
    expect(checkSchedule({ cron: '*/5 * * * * *' })).toEqual({ ok: true, schedule: { cron: '*/5 * * * * *', timezone: 'UTC' } });
  });

  it('refuses a cron or zone that cannot run, naming the field', () => {
    expect(checkSchedule({ cron: '61 * * * *' })).toMatchObject({ ok: false, field: 'schedule.cron' });
    expect(checkSchedule({ cron: 'every monday' })).toMatchObject({ ok: false, field: 'schedule.cron' });
    expect(checkSchedule({ cron: '* * * * * * *' })).toMatchObject({ ok: false, field: 'schedule.cron' });
    expect(checkSchedule({ cron: '0 7 * * 1', timezone: 'Mars/Olympus' })).toMatchObject({ ok: false, field: 'schedule.timezone' });
  });

  it("computes the next tick in the schedule's zone", () => {
    // 07:00 in Manila (UTC+8) is 23:00 UTC the day before.
    expect(nextRun({ cron: '0 7 * * *', timezone: 'Asia/Manila' }, new Date('2026-12-02T00:00:00Z'))).toEqual(
      new Date('2026-12-02T23:00:00Z'),
    );
    expect(nextRun({ cron: '0 7 * * *', timezone: 'UTC' }, new Date('2026-12-02T00:00:00Z'))).toEqual(new Date('2026-12-02T07:00:00Z'));
  });
});
