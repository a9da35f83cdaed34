import { Injectable } from '@nestjs/common';
import { UserRegistered, UserRegisteredPayload } from '@suite/contracts/identity';
import { OnEvent } from '@suite/platform';
import { FillCustomerEmailCommand } from './commands/fill-customer-email.command';

/** Identity owns the email; orders learns it from the registration, never by asking identity. */
@Injectable()
export class RegisteredUserConsumer {
  @OnEvent(UserRegistered, { name: 'customer-email' })
  onRegistered(event: UserRegisteredPayload): FillCustomerEmailCommand {
    return new FillCustomerEmailCommand(event.userId, event.email);
  }
}
