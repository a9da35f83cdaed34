import { createHmac, timingSafeEqual } from 'node:crypto';
import { DeliveryError, isTransientStatus, responseText } from '../channel-sender';
import { SmsProvider, SmsStatusUpdate } from './sms-provider';

export interface TwilioSettings {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
  statusCallbackUrl?: string;
  timeoutMs: number;
}

/** Twilio's request signature: base64 HMAC-SHA1(auth token, URL + each POST field name+value sorted by name). */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const TWILIO_STATUS: Record<string, SmsStatusUpdate['status']> = { delivered: 'DELIVERED', undelivered: 'FAILED', failed: 'FAILED' };

/** POST /2010-04-01/Accounts/{sid}/Messages.json, basic auth (sid:token), form body To/From/Body/StatusCallback. */
export class TwilioAdapter implements SmsProvider {
  readonly name = 'twilio' as const;

  constructor(private readonly s: TwilioSettings) {}

  async send(to: string, text: string) {
    const form = new URLSearchParams({ To: to, From: this.s.from, Body: text });
    if (this.s.statusCallbackUrl) form.set('StatusCallback', this.s.statusCallbackUrl);
    const url = `${this.s.apiUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(this.s.accountSid)}/Messages.json`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${this.s.accountSid}:${this.s.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form.toString(),
      signal: AbortSignal.timeout(this.s.timeoutMs),
    }).catch((e: Error) => {
      throw new DeliveryError(`twilio unreachable: ${e.message}`, 'twilio', false);
    });
    const body = (await responseText(response)) as { sid?: string; message?: string };
    if (!response.ok || !body?.sid)
      throw new DeliveryError(
        `twilio answered ${response.status}: ${body?.message ?? ''}`.trim(),
        'twilio',
        !isTransientStatus(response.status),
        body,
      );
    return { messageId: body.sid, response: body };
  }

  readCallback(rawBody: string, url: string, headers: Record<string, string>): SmsStatusUpdate | null {
    const params = Object.fromEntries(new URLSearchParams(rawBody));
    // Twilio signs the URL it was given (StatusCallback), which a proxy in front of the gateway may rewrite.
    const expected = Buffer.from(twilioSignature(this.s.authToken, this.s.statusCallbackUrl ?? url, params));
    const given = Buffer.from(headers['x-twilio-signature'] ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (!params.MessageSid || !params.MessageStatus) return null;
    return { messageId: params.MessageSid, status: TWILIO_STATUS[params.MessageStatus] ?? 'SENT', detail: params };
  }
}
