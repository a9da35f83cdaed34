import { createHmac, timingSafeEqual } from 'node:crypto';

/** Receivers refuse a signature older (or newer) than this: a captured request cannot be replayed later. */
export const WEBHOOK_REPLAY_WINDOW_SECONDS = 300;

/**
 * `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, as Stripe does it. A
 * receiver recomputes the HMAC over the exact bytes it received, compares in constant time and checks
 * that t is within 5 minutes of its clock (see the README, Alerting).
 */
export function signWebhook(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

export function verifyWebhookSignature(
  header: string | undefined,
  secret: string,
  body: string,
  now: Date = new Date(),
  windowSeconds = WEBHOOK_REPLAY_WINDOW_SECONDS,
): boolean {
  if (!header) return false;
  const fields = Object.fromEntries(header.split(',').map((kv) => kv.trim().split('=', 2) as [string, string]));
  const t = Number(fields.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(fields.v1 ?? '')) return false;
  if (Math.abs(now.getTime() / 1000 - t) > windowSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(fields.v1, 'hex'));
}
