import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { databaseUrlFor } from './database-url';

describe('databaseUrlFor', () => {
  it('derives a database per service from DATABASE_URL', () => {
    expect(databaseUrlFor('iot-telemetry', { DATABASE_URL: 'postgresql://u:p@db:5433/x?sslmode=disable' })).toBe(
      'postgresql://u:p@db:5433/suite_iot_telemetry?sslmode=disable',
    );
  });
  it('lets a per-service variable win', () => {
    expect(databaseUrlFor('orders', { DATABASE_URL: 'postgresql://a@b/c', ORDERS_DATABASE_URL: 'postgresql://o@own/orders' })).toBe('postgresql://o@own/orders');
  });
  it('nest works under jest', async () => {
    @Injectable() class A { v = 1; }
    @Injectable() class B { constructor(readonly a: A) {} }
    const m = await Test.createTestingModule({ providers: [A, B] }).compile();
    expect(m.get(B).a.v).toBe(1);
  });
});
