import { Injectable } from '@nestjs/common';
import { UserRegistered, UserRegisteredPayload } from '@suite/contracts/identity';
import { Prisma } from '@suite/db/alerting';
import { OnEvent, UnitOfWork } from '@suite/platform';
import { RecipientsService } from './recipients.service';

/** Fills the recipients read model with each new user's email (idempotent upsert; redeliveries change nothing). */
@Injectable()
export class IdentityEventsConsumer {
  constructor(
    private readonly recipients: RecipientsService,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  @OnEvent(UserRegistered, { name: 'recipient-on-user-registered' })
  onRegistered(event: UserRegisteredPayload) {
    // Joins the consumer's transaction, so the inbox row and the upsert commit together.
    return this.uow.run((tx) => this.recipients.registered(event.userId, event.email, event.roles, tx));
  }
}
