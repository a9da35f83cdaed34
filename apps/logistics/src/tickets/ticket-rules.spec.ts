import { TICKET_STATUSES } from '@suite/contracts/logistics';
import { canMoveTicket, dueAt } from './ticket-rules';

describe('ticket rules', () => {
  it('allows only the legal status moves', () => {
    const allowed = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.filter((to) => canMoveTicket(from, to)).map((to) => `${from}>${to}`));
    expect(allowed.sort()).toEqual(
      ['OPEN>IN_PROGRESS', 'OPEN>CLOSED', 'IN_PROGRESS>RESOLVED', 'IN_PROGRESS>CLOSED', 'RESOLVED>IN_PROGRESS', 'RESOLVED>CLOSED'].sort(),
    );
    for (const to of TICKET_STATUSES) expect(canMoveTicket('CLOSED', to)).toBe(false);
    expect(canMoveTicket('OPEN', 'RESOLVED')).toBe(false);
    expect(canMoveTicket('OPEN', 'OPEN')).toBe(false);
  });

  it('dates the due time by priority', () => {
    const hours = { CRITICAL: 4, HIGH: 24, MEDIUM: 72, LOW: 168 };
    const at = new Date('2026-12-02T10:00:00Z');
    expect(dueAt(at, 'CRITICAL', hours).toISOString()).toBe('2026-12-02T14:00:00.000Z');
    expect(dueAt(at, 'HIGH', hours).toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(dueAt(at, 'MEDIUM', hours).toISOString()).toBe('2026-12-05T10:00:00.000Z');
    expect(dueAt(at, 'LOW', hours).toISOString()).toBe('2026-12-09T10:00:00.000Z');
  });
});
