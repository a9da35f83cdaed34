import { createHmac } from 'node:crypto';
import { ServerResponse } from 'node:http';
import { answer, HttpFake, Received } from './http-fake';

/**
 * Semaphore's send API (POST /api/v4/messages, form fields apikey, number, message, sendername; answers an
 * array with one object per number: message_id, recipient, message, sender_name, status "Pending"...), and
 * signed delivery reports as alerting's relay contract has them: JSON body, hex HMAC-SHA256 with the API key
 * in X-Semaphore-Signature.
 */
export class SemaphoreFake extends HttpFake {
  private nextId = 200000 + Math.floor(Math.random() * 1000);
  readonly messages: { message_id: number; number: string; message: string; sendername?: string }[] = [];

  constructor(readonly apiKey = 'semaphore_test_key') {
    super();
  }

  protected handle(r: Received, res: ServerResponse): void {
    const form = new URLSearchParams(r.raw);
    if (r.method !== 'POST' || r.path !== '/api/v4/messages') return answer(res, 404, { error: 'not found' });
    if (form.get('apikey') !== this.apiKey) return answer(res, 401, { apikey: ['The selected apikey is invalid.'] });
    if (!/^(09|639)\d{9}$/.test(form.get('number') ?? '') || !form.get('message'))
      return answer(res, 422, { number: ['The number format is invalid.'] });
    const message = {
      message_id: ++this.nextId,
      number: form.get('number')!,
      message: form.get('message')!,
      sendername: form.get('sendername') ?? undefined,
    };
    this.messages.push(message);
    answer(res, 200, [
      {
        message_id: message.message_id,
        user_id: 1,
        user: 'ops@suite.test',
        account_id: 1,
        account: 'Suite',
        recipient: message.number,
        message: message.message,
        sender_name: message.sendername ?? 'SEMAPHORE',
        network: 'Globe',
        status: 'Pending',
        type: 'Single',
        source: 'Api',
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      },
    ]);
  }

  /** A delivery report for a sent message, signed (or not, with another key). */
  report(messageId: number | string, status: 'Delivered' | 'Failed', key = this.apiKey): { body: string; headers: Record<string, string> } {
    const body = JSON.stringify({ message_id: Number(messageId), status, updated_at: new Date().toISOString() });
    return {
      body,
      headers: { 'content-type': 'application/json', 'x-semaphore-signature': createHmac('sha256', key).update(body).digest('hex') },
    };
  }
}
