import { eventId } from './event-id';

describe('eventId', () => {
  it('is a version 7 UUID that sorts (as text and as PostgreSQL sorts uuids) in the order it was made', () => {
    const ids = Array.from({ length: 5000 }, () => eventId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the order past 4,096 ids in one millisecond and when the clock steps back', () => {
    const at = Date.now() + 60_000;
    const ids = [...Array.from({ length: 5000 }, () => eventId(at)), eventId(at - 5), eventId(at + 10)];
    expect([...ids].sort()).toEqual(ids);
  });
});
