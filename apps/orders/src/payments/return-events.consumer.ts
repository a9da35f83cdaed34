import { Injectable } from '@nestjs/common';
import { ReturnCompleted, ReturnCompletedPayload } from '@suite/contracts/logistics';
import { OnEvent } from '@suite/platform';
import { RefundReturnCommand } from './refund-return.command';

/** A completed return (logistics) is refunded here, through the same ledger path as any refund. */
@Injectable()
export class ReturnEventsConsumer {
  @OnEvent(ReturnCompleted, { name: 'refund-on-return-completed' })
  onCompleted(event: ReturnCompletedPayload) {
    return new RefundReturnCommand(event);
  }
}
