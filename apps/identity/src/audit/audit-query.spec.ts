import { encodeCursor, readTimeCursor, timeKeyOf } from '@suite/platform';
import { auditLogWhere } from './audit-query';

describe('audit log query', () => {
  it('matches everything without filters', () => {
    expect(auditLogWhere({})).toEqual({});
  });

  it('turns filters into equality and range conditions on indexed columns', () => {
    const where = auditLogWhere({
      userId: 'a1b2c3d4-0000-4000-8000-000000000000',
      action: 'role.create',
      entity: 'Role',
      entityId: 'r1',
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
    });
    expect(where).toEqual({
      AND: [
        { userId: 'a1b2c3d4-0000-4000-8000-000000000000' },
        { action: 'role.create' },
        { entity: 'Role' },
        { entityId: 'r1' },
        { timestamp: { gte: new Date('2026-01-01T00:00:00Z') } },
        { timestamp: { lt: new Date('2026-02-01T00:00:00Z') } },
      ],
    });
  });

  it('continues after the last row with a keyset condition that breaks timestamp ties by id', () => {
    const at = new Date('2026-03-01T10:00:00.123Z');
    const id = '0f0e0d0c-0000-4000-8000-000000000000';
    expect(auditLogWhere({ action: 'x' }, { at, id })).toEqual({
      AND: [{ action: 'x' }, { OR: [{ timestamp: { lt: at } }, { timestamp: at, id: { lt: id } }] }],
    });
  });
});

describe('time cursor', () => {
  it('round-trips a key', () => {
    const cursor = encodeCursor(timeKeyOf('2026-03-01T10:00:00.123Z', '0f0e0d0c-0000-4000-8000-000000000000'));
    expect(readTimeCursor(cursor)).toEqual({ at: new Date('2026-03-01T10:00:00.123Z'), id: '0f0e0d0c-0000-4000-8000-000000000000' });
    expect(readTimeCursor(undefined)).toBeUndefined();
  });

  it('refuses a cursor that decodes but was not made by us with the usual 400', () => {
    for (const bad of [
      encodeCursor({ t: 'yesterday', i: '0f0e0d0c-0000-4000-8000-000000000000' }),
      encodeCursor({ t: '2026-01-01T00:00:00Z', i: "1' OR 1=1" }),
      'not-json',
    ]) {
      expect(() => readTimeCursor(bad)).toThrow(expect.objectContaining({ kind: 'invalid', code: 'PLATFORM.INVALID_CURSOR' }));
    }
  });
});
