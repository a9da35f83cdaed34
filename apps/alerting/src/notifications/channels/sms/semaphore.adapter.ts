import { createHmac, timingSafeEqual } from 'node:crypto';
import { DeliveryError, isTransientStatus, responseText } from '../channel-sender';
import { SmsProvider, SmsStatusUpdate } from './sms-provider';

export interface SemaphoreSettings {
  apiUrl: string;
  apiKey: string;
  senderName?: string;
  timeoutMs: number;
}

/**
 * Semaphore documents no signed delivery callback, only GET /api/v4/messages/{id}. Its status changes reach
 * us through a relay that signs the JSON body: `X-Semaphore-Signature: <hex HMAC-SHA256(api key, raw body)>`.
 */
export function semaphoreSignature(apiKey: string, rawBody: string): string {
  return createHmac('sha256', apiKey).update(rawBody, 'utf8').digest('hex');
}

const SEMAPHORE_STATUS: Record<string, SmsStatusUpdate['status']> = {
  delivered: 'DELIVERED',
  sent: 'SENT',
  failed: 'FAILED',
  refunded: 'FAILED',
};

/** POST /api/v4/messages with apikey, number, message, sendername (form); answers an array, one object per number. */
export class SemaphoreAdapter implements SmsProvider {
  readonly name = 'semaphore' as const;

  constructor(private readonly s: SemaphoreSettings) {}

  async send(to: string, text: string) {
    // Semaphore takes Philippine numbers as 09XXXXXXXXX or 639XXXXXXXXX, without the plus.
    const form = new URLSearchParams({ apikey: this.s.apiKey, number: to.replace(/^\+/, ''), message: text });
    if (this.s.senderName) form.set('sendername', this.s.senderName);
    const response = await fetch(`${this.s.apiUrl.replace(/\/$/, '')}/api/v4/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      signal: AbortSignal.timeout(this.s.timeoutMs),
    }).catch((e: Error) => {
      throw new DeliveryError(`semaphore unreachable: ${e.message}`, 'semaphore', false);
    });
    const body = await responseText(response);
    const first = Array.isArray(body) ? (body[0] as { message_id?: number | string; status?: string }) : undefined;
    if (!response.ok || first?.message_id === undefined)
      throw new DeliveryError(`semaphore answered ${response.status}`, 'semaphore', !isTransientStatus(response.status), body);
    if (first.status?.toLowerCase() === 'failed') throw new DeliveryError('semaphore refused the message', 'semaphore', true, body);
    return { messageId: String(first.message_id), response: body };
  }

  readCallback(rawBody: string, _url: string, headers: Record<string, string>): SmsStatusUpdate | null {
    const given = Buffer.from(headers['x-semaphore-signature'] ?? '', 'utf8');
    const expected = Buffer.from(semaphoreSignature(this.s.apiKey, rawBody), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const body = JSON.parse(rawBody) as { message_id?: number | string; status?: string };
      if (body.message_id === undefined || !body.status) return null;
      return { messageId: String(body.message_id), status: SEMAPHORE_STATUS[body.status.toLowerCase()] ?? 'SENT', detail: body };
    } catch {
      return null;
    }
  }
}
