import { IsDateString, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { LogisticsEvents } from './subjects';
import { TICKET_PRIORITIES, TICKET_STATUSES, TicketPriorityName, TicketStatusName } from './tickets.dto';

/** A ticket as its events carry it: enough to notify the customer or the assignee without asking back. */
export class TicketEventPayload {
  @IsUUID() ticketId: string;
  @IsString() userId: string;
  @IsOptional() @IsUUID() orderId?: string | null;
  @IsOptional() @IsUUID() shipmentId?: string | null;
  @IsOptional() @IsUUID() returnId?: string | null;
  @IsString() subject: string;
  @IsIn(TICKET_STATUSES) status: TicketStatusName;
  @IsOptional() @IsIn(TICKET_STATUSES) previousStatus?: TicketStatusName | null;
  @IsIn(TICKET_PRIORITIES) priority: TicketPriorityName;
  @IsOptional() @IsString() assigneeId?: string | null;
  @IsDateString() dueAt: string;
  @IsDateString() occurredAt: string;
}

export const TicketOpened = { subject: LogisticsEvents.TicketOpened, payload: TicketEventPayload, version: 1 } as const;
export const TicketStatusChanged = { subject: LogisticsEvents.TicketStatusChanged, payload: TicketEventPayload, version: 1 } as const;
export const TicketAssigned = { subject: LogisticsEvents.TicketAssigned, payload: TicketEventPayload, version: 1 } as const;
