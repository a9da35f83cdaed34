import { Injectable } from '@nestjs/common';
import { EmailVerified, EmailVerifiedPayload } from '@suite/contracts/identity';
import { OnEvent } from '@suite/platform';
import { JoinGuestOrdersCommand } from './commands/join-guest-orders.command';

/**
 * Guest orders join an account when it VERIFIES their email, not when it registers: registration
 * proves nothing about the address, so joining then would hand a guest's orders (their address,
 * phone, what they bought) to anyone who signs up with that email first. Verification proves the
 * account holder reads that mailbox, the same proof the guest's own order mail would rely on.
 */
@Injectable()
export class VerifiedEmailConsumer {
  @OnEvent(EmailVerified, { name: 'guest-orders' })
  onVerified(event: EmailVerifiedPayload): JoinGuestOrdersCommand {
    return new JoinGuestOrdersCommand(event.userId, event.email);
  }
}
