import { createHmac } from 'node:crypto';
import { ServerResponse } from 'node:http';
import { answer, HttpFake, Received } from './http-fake';

/**
 * Twilio's Messages API (POST /2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP basic auth sid:token, form
 * fields To, From, Body, StatusCallback; answers 201 with the Message resource, sid "SM..."), and status
 * callbacks signed as Twilio signs them: X-Twilio-Signature = base64 HMAC-SHA1(auth token, URL + sorted fields).
 */
export class TwilioFake extends HttpFake {
  private counter = 0;
  readonly messages: { sid: string; to: string; from: string; body: string; statusCallback?: string }[] = [];

  constructor(
    readonly accountSid = 'AC00000000000000000000000000000001',
    readonly authToken = 'twilio_test_auth_token',
  ) {
    super();
  }

  protected handle(r: Received, res: ServerResponse): void {
    const path = `/2010-04-01/Accounts/${this.accountSid}/Messages.json`;
    if (r.method !== 'POST' || r.path !== path)
      return answer(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    if (r.headers.authorization !== `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`)
      return answer(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    const form = new URLSearchParams(r.raw);
    const to = form.get('To') ?? '';
    if (!/^\+[1-9]\d{6,14}$/.test(to))
      return answer(res, 400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
    const sid = `SM${(++this.counter).toString(16).padStart(32, '0')}`;
    const message = {
      sid,
      to,
      from: form.get('From') ?? '',
      body: form.get('Body') ?? '',
      statusCallback: form.get('StatusCallback') ?? undefined,
    };
    this.messages.push(message);
    answer(res, 201, {
      sid,
      account_sid: this.accountSid,
      to,
      from: message.from,
      body: message.body,
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: new Date().toUTCString(),
      uri: `${path.replace('.json', '')}/${sid}.json`,
    });
  }

  /** The StatusCallback Twilio would POST for a message, signed over `url` with `token` (the right one by default). */
  callback(url: string, sid: string, status: 'delivered' | 'undelivered' | 'failed', token = this.authToken) {
    const params: Record<string, string> = {
      AccountSid: this.accountSid,
      MessageSid: sid,
      MessageStatus: status,
      SmsSid: sid,
      SmsStatus: status,
      ApiVersion: '2010-04-01',
    };
    if (status !== 'delivered') params.ErrorCode = '30003';
    const data =
      url +
      Object.keys(params)
        .sort()
        .map((k) => k + params[k])
        .join('');
    return {
      body: new URLSearchParams(params).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': createHmac('sha1', token).update(data).digest('base64'),
      },
    };
  }
}
