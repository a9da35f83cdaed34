import type { AlertingDb } from '@suite/db/alerting';

export type NotificationRow = Awaited<ReturnType<AlertingDb['notification']['findUniqueOrThrow']>>;

/** What the provider said when it took the message. `delivered`: it reached the recipient already (in-app, a 2xx webhook). */
export interface SendOutcome {
  provider: string;
  providerMessageId?: string;
  response?: unknown;
  delivered?: boolean;
}

/**
 * A failed attempt. `permanent`: retrying cannot help (no address, refused for good); the worker moves to
 * the recipient's next channel. `status` names the final state when it is not plain FAILED.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly provider: string,
    readonly permanent: boolean,
    readonly response?: unknown,
    readonly status: 'FAILED' | 'BOUNCED' | 'CANCELLED' = 'FAILED',
  ) {
    super(message);
  }
}

export interface ChannelSender {
  readonly channel: string;
  send(notification: NotificationRow): Promise<SendOutcome>;
}

export const CHANNEL_SENDERS = Symbol('CHANNEL_SENDERS');

/** HTTP statuses worth another try: timeouts, throttling, the provider's own trouble. */
export const isTransientStatus = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/** Bounded text of a provider's answer for the attempt log (never the request: it may carry credentials). */
export async function responseText(response: Response): Promise<unknown> {
  const text = (await response.text()).slice(0, 4000);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
