import { TransactionOptions } from '@suite/platform';

/**
 * For use cases that end sessions or change what users may do (SessionRevoked, AccessChanged): the
 * events are on the bus before the reply, so the gateway's session cache has dropped the entry by
 * the time the caller, or anyone, sends the next request.
 */
export const PUBLISH_BEFORE_REPLY: TransactionOptions = { publishEventsBeforeReturn: true };
