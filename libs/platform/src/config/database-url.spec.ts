import { databaseNameFor, databaseUrlFor } from './database-url';

describe('databaseUrlFor', () => {
  it('derives one database per service from DATABASE_URL, keeping credentials and options', () => {
    expect(databaseUrlFor('iot-telemetry', { DATABASE_URL: 'postgresql://u:p@db:5433/x?sslmode=disable' })).toBe(
      'postgresql://u:p@db:5433/suite_iot_telemetry?sslmode=disable',
    );
  });

  it('lets the per-service variable win', () => {
    expect(databaseUrlFor('orders', { DATABASE_URL: 'postgresql://a@b/c', ORDERS_DATABASE_URL: 'postgresql://o@own/orders' })).toBe(
      'postgresql://o@own/orders',
    );
  });

  it('falls back to the local server, and honours a name prefix for isolated test databases', () => {
    expect(databaseUrlFor('identity', {})).toBe('postgresql://postgres@127.0.0.1:5432/suite_identity');
    expect(databaseUrlFor('identity', { DATABASE_NAME_PREFIX: 't42_' })).toBe('postgresql://postgres@127.0.0.1:5432/t42_identity');
    expect(databaseNameFor('iot-telemetry')).toBe('suite_iot_telemetry');
  });
});
