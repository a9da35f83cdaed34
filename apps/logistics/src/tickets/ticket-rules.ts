import { TicketPriorityName, TicketStatusName } from '@suite/contracts/logistics';

const NEXT: Record<TicketStatusName, readonly TicketStatusName[]> = {
  OPEN: ['IN_PROGRESS', 'CLOSED'],
  IN_PROGRESS: ['RESOLVED', 'CLOSED'],
  // a resolution the customer disputes reopens the work
  RESOLVED: ['IN_PROGRESS', 'CLOSED'],
  CLOSED: [],
};

/** OPEN -> IN_PROGRESS -> RESOLVED -> CLOSED; OPEN and IN_PROGRESS may close directly (duplicates, spam); RESOLVED may reopen. */
export const canMoveTicket = (from: TicketStatusName, to: TicketStatusName): boolean => NEXT[from].includes(to);

export type DueHours = Record<TicketPriorityName, number>;

/** When a ticket of this priority, opened (or re-prioritised) at `from`, should be resolved by. */
export const dueAt = (from: Date, priority: TicketPriorityName, hours: DueHours): Date =>
  new Date(from.getTime() + hours[priority] * 3_600_000);
