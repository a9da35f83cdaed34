import { escalationPlan, escalationStart } from './escalation';

const policy = (repeat: number, isDeleted = false) =>
  ({
    id: 'p',
    name: 'p',
    description: null,
    steps: [
      { waitMinutes: 5, recipients: [{ type: 'USER', value: 'a' }] },
      { waitMinutes: 10, recipients: [{ type: 'ROLE', value: 'ADMIN', channels: ['SMS'] }] },
    ],
    repeat,
    createdBy: 'u',
    teamId: null,
    isDeleted,
    createdAt: new Date(),
    updatedAt: new Date(),
  }) as never;

describe('escalation plan', () => {
  const t0 = new Date('2026-12-02T00:00:00Z');

  it('starts after the first wait, walks the steps in order and stops after the repeats', () => {
    expect(escalationStart(policy(0), t0)).toEqual(new Date('2026-12-02T00:05:00Z'));
    expect(escalationStart(policy(0, true), t0)).toBeNull();
    expect(escalationStart(null, t0)).toBeNull();
    const first = escalationPlan(policy(0), 0, t0)!;
    expect(first.current.recipients).toEqual([{ type: 'USER', value: 'a', channels: [] }]);
    expect(first.nextDueAt).toEqual(new Date('2026-12-02T00:10:00Z'));
    const last = escalationPlan(policy(0), 1, t0)!;
    expect(last.current.recipients[0].value).toBe('ADMIN');
    expect(last.nextDueAt).toBeNull();
    expect(escalationPlan(policy(0), 2, t0)).toBeNull();
  });

  it('repeats the steps as many times as asked', () => {
    expect(escalationPlan(policy(1), 1, t0)!.nextDueAt).toEqual(new Date('2026-12-02T00:05:00Z'));
    expect(escalationPlan(policy(1), 2, t0)!.current.recipients[0].value).toBe('a');
    expect(escalationPlan(policy(1), 3, t0)!.nextDueAt).toBeNull();
    expect(escalationPlan(policy(1), 4, t0)).toBeNull();
  });
});
