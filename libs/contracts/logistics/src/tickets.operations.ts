import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { ReturnDetailView, TicketReturnDto } from './returns.dto';
import {
  AssignTicketDto,
  CreateTicketDto,
  TicketFilter,
  TicketMessageDto,
  TicketMessageView,
  TicketStatusDto,
  TicketView,
} from './tickets.dto';
import { LogisticsSubjects } from './subjects';

export class TicketRef {
  @IsUUID() ticketId: string;
}
export class CreateTicketRequest {
  @ValidateNested() @Type(() => CreateTicketDto) body: CreateTicketDto;
}
export class TicketStatusRequest extends TicketRef {
  @ValidateNested() @Type(() => TicketStatusDto) body: TicketStatusDto;
}
export class AssignTicketRequest extends TicketRef {
  @ValidateNested() @Type(() => AssignTicketDto) body: AssignTicketDto;
}
export class TicketMessageRequest extends TicketRef {
  @ValidateNested() @Type(() => TicketMessageDto) body: TicketMessageDto;
}
export class TicketReturnRequest extends TicketRef {
  @ValidateNested() @Type(() => TicketReturnDto) body: TicketReturnDto;
}
export class TicketListQuery extends IntersectionType(TicketFilter, PageQuery) {}

/** Support tickets: customers open them about their orders, shipments and returns; SUPPORT works them. */
export const TicketCreate = operation({
  subject: LogisticsSubjects.TicketCreate,
  request: CreateTicketRequest,
  response: TicketView,
  permissions: ['tickets:create'],
  http: { method: 'POST', path: 'tickets', body: CreateTicketDto, summary: 'Open a support ticket about an order, shipment or return' },
});

export const TicketList = operation({
  subject: LogisticsSubjects.TicketList,
  request: TicketListQuery,
  response: pageOf(TicketView),
  permissions: ['tickets:read'],
  http: { method: 'GET', path: 'tickets', query: TicketListQuery, summary: 'Tickets (customers: their own; support: all), newest first' },
});

export const TicketGet = operation({
  subject: LogisticsSubjects.TicketGet,
  request: TicketRef,
  response: TicketView,
  permissions: ['tickets:read'],
  http: { method: 'GET', path: 'tickets/:ticketId', summary: 'One ticket' },
});

export const TicketStatusChange = operation({
  subject: LogisticsSubjects.TicketStatusChange,
  request: TicketStatusRequest,
  response: TicketView,
  permissions: ['tickets:update'],
  http: {
    method: 'POST',
    path: 'tickets/:ticketId/status',
    body: TicketStatusDto,
    status: 200,
    summary: 'Move a ticket: OPEN -> IN_PROGRESS -> RESOLVED -> CLOSED (others 409); may change its priority',
  },
});

export const TicketAssign = operation({
  subject: LogisticsSubjects.TicketAssign,
  request: AssignTicketRequest,
  response: TicketView,
  permissions: ['tickets:update'],
  http: {
    method: 'POST',
    path: 'tickets/:ticketId/assignee',
    body: AssignTicketDto,
    status: 200,
    summary: 'Assign the ticket to a SUPPORT user',
  },
});

export const TicketMessageCreate = operation({
  subject: LogisticsSubjects.TicketMessageCreate,
  request: TicketMessageRequest,
  response: TicketMessageView,
  permissions: ['tickets:create'],
  http: { method: 'POST', path: 'tickets/:ticketId/messages', body: TicketMessageDto, summary: 'Add a message to the thread' },
});

export const TicketMessageList = operation({
  subject: LogisticsSubjects.TicketMessageList,
  request: TicketRef,
  response: [TicketMessageView],
  permissions: ['tickets:read'],
  http: { method: 'GET', path: 'tickets/:ticketId/messages', summary: 'The thread, oldest first (customers do not see internal notes)' },
});

export const TicketReturnCreate = operation({
  subject: LogisticsSubjects.TicketReturnCreate,
  request: TicketReturnRequest,
  response: ReturnDetailView,
  permissions: ['tickets:create', 'returns:create'],
  http: {
    method: 'POST',
    path: 'tickets/:ticketId/return',
    body: TicketReturnDto,
    summary: "Open a return of the ticket's order from the ticket",
  },
});

export const TicketOperations = [
  TicketCreate,
  TicketList,
  TicketGet,
  TicketStatusChange,
  TicketAssign,
  TicketMessageCreate,
  TicketMessageList,
  TicketReturnCreate,
];
