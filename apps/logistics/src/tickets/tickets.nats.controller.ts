import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  AssignTicketRequest,
  CreateTicketRequest,
  TicketAssign,
  TicketCreate,
  TicketGet,
  TicketList,
  TicketListQuery,
  TicketMessageCreate,
  TicketMessageList,
  TicketMessageRequest,
  TicketRef,
  TicketReturnCreate,
  TicketReturnRequest,
  TicketStatusChange,
  TicketStatusRequest,
} from '@suite/contracts/logistics';
import { CallerIdentity, Handles } from '@suite/platform';
import { CreateTicketCommand } from './commands/create-ticket.command';
import { OpenReturnFromTicketCommand } from './commands/ticket-return.command';
import { AssignTicketCommand, ChangeTicketStatusCommand, PostTicketMessageCommand } from './commands/ticket-work.commands';
import { TicketsService } from './tickets.service';

@Controller()
export class TicketsNatsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(TicketCreate)
  create(r: CreateTicketRequest, caller: CallerIdentity) {
    return this.commands.execute(new CreateTicketCommand(caller, r.body));
  }

  @Handles(TicketList)
  list(query: TicketListQuery, caller: CallerIdentity) {
    return this.tickets.list(caller, query);
  }

  @Handles(TicketGet)
  get(r: TicketRef, caller: CallerIdentity) {
    return this.tickets.get(caller, r.ticketId);
  }

  @Handles(TicketStatusChange)
  changeStatus(r: TicketStatusRequest, caller: CallerIdentity) {
    return this.commands.execute(new ChangeTicketStatusCommand(caller, r.ticketId, r.body));
  }

  @Handles(TicketAssign)
  assign(r: AssignTicketRequest, caller: CallerIdentity) {
    return this.commands.execute(new AssignTicketCommand(caller, r.ticketId, r.body.assigneeId));
  }

  @Handles(TicketMessageCreate)
  post(r: TicketMessageRequest, caller: CallerIdentity) {
    return this.commands.execute(new PostTicketMessageCommand(caller, r.ticketId, r.body));
  }

  @Handles(TicketMessageList)
  messages(r: TicketRef, caller: CallerIdentity) {
    return this.tickets.messages(caller, r.ticketId);
  }

  @Handles(TicketReturnCreate)
  openReturn(r: TicketReturnRequest, caller: CallerIdentity) {
    return this.commands.execute(new OpenReturnFromTicketCommand(caller, r.ticketId, r.body));
  }
}
