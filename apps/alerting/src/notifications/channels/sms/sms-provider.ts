/** One SMS gateway. Both adapters answer in the same shape so the sender and the callbacks do not care which. */
export interface SmsProvider {
  readonly name: 'semaphore' | 'twilio';
  send(to: string, text: string): Promise<{ messageId: string; response: unknown }>;
  /** Checks a delivery-status callback (signature over the exact bytes) and reads it; null when it does not verify. */
  readCallback(rawBody: string, url: string, headers: Record<string, string>): SmsStatusUpdate | null;
}

export interface SmsStatusUpdate {
  messageId: string;
  /** DELIVERED or FAILED end the message; SENT and anything else are progress. */
  status: 'SENT' | 'DELIVERED' | 'FAILED';
  detail: unknown;
}

export const SMS_PROVIDERS = Symbol('SMS_PROVIDERS');
