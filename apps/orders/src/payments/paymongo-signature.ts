import { createHmac, timingSafeEqual } from 'node:crypto';
import { unauthorized } from '@suite/platform';

/** PayMongo rejects replays older than this; so do we. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

const badSignature = (why: string) => unauthorized('ORDERS.WEBHOOK_SIGNATURE_INVALID', `Webhook signature rejected: ${why}.`);

export const paymongoHmac = (secret: string, timestamp: string | number, rawBody: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');

/** The `Paymongo-Signature` header for a body: used by the fake server in tests. */
export function signPaymongo(secret: string, rawBody: string, options: { live?: boolean; timestamp?: number } = {}): string {
  const t = options.timestamp ?? Math.floor(Date.now() / 1000);
  const mac = paymongoHmac(secret, t, rawBody);
  return `t=${t},te=${options.live ? '' : mac},li=${options.live ? mac : ''}`;
}

/**
 * `Paymongo-Signature: t=<ts>,te=<hmac>,li=<hmac>` with hmac = HMAC-SHA256(secret, `${t}.${rawBody}`):
 * te is filled in test mode, li in live mode, and only the one of our mode counts. Compared in
 * constant time; a timestamp outside the tolerance is a replay.
 */
export function verifyPaymongoSignature(
  rawBody: string,
  header: string | undefined,
  secret: string,
  options: { live: boolean; nowSeconds?: number },
): void {
  if (!secret) throw badSignature('no webhook secret configured');
  if (!header) throw badSignature('missing Paymongo-Signature header');
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=') as [string, string]));
  const t = Number(parts.t);
  const given = options.live ? parts.li : parts.te;
  if (!Number.isInteger(t) || !given) throw badSignature('malformed header');
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > SIGNATURE_TOLERANCE_SECONDS) throw badSignature('stale timestamp');
  const expected = Buffer.from(paymongoHmac(secret, parts.t, rawBody), 'hex');
  const actual = Buffer.from(given, 'hex');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw badSignature('mismatch');
}
