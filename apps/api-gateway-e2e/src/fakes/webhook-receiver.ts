import { createHmac, timingSafeEqual } from 'node:crypto';
import { ServerResponse } from 'node:http';
import { answer, HttpFake, Received } from './http-fake';

/**
 * A subscriber's endpoint that verifies X-Signature as the README tells receivers to: t=<unix>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<raw body>")>, constant-time compare, t within 5 minutes. `failNext` makes it
 * answer 503 that many times first (the sender must retry).
 */
export class WebhookReceiver extends HttpFake {
  readonly verified: { body: any; t: number }[] = [];
  readonly rejected: string[] = [];
  failNext = 0;

  constructor(readonly secret: string) {
    super();
  }

  protected handle(r: Received, res: ServerResponse): void {
    if (this.failNext > 0) {
      this.failNext--;
      return answer(res, 503, { error: 'try later' });
    }
    const fields = Object.fromEntries(
      String(r.headers['x-signature'] ?? '')
        .split(',')
        .map((kv) => kv.split('=', 2)),
    );
    const t = Number(fields.t);
    const expected = createHmac('sha256', this.secret).update(`${fields.t}.${r.raw}`).digest();
    const given = Buffer.from(fields.v1 ?? '', 'hex');
    const fresh = Math.abs(Date.now() / 1000 - t) <= 300;
    if (!fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      this.rejected.push(r.raw);
      return answer(res, 401, { error: 'bad signature' });
    }
    this.verified.push({ body: JSON.parse(r.raw), t });
    answer(res, 200, { ok: true });
  }
}
