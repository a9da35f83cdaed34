import { createHmac, timingSafeEqual } from 'node:crypto';
import { unauthorized } from '@suite/platform';

/**
 * The header carrying the signature. Printful's v1 docs do not settle a signing header, so we use
 * `x-pf-webhook-signature`: the hex HMAC-SHA256 of the raw body with the factory's webhookSecret
 * (an optional `sha256=` prefix is accepted).
 */
export const PRINTFUL_SIGNATURE_HEADER = 'x-pf-webhook-signature';

export const printfulSignature = (rawBody: string, secret: string): string =>
  createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');

const badSignature = () => unauthorized('FULFILLMENT.WEBHOOK_SIGNATURE_INVALID', 'Webhook signature does not verify.');

/** Throws 401 unless the header is the HMAC of these exact bytes under this secret (compared in constant time). */
export function verifyPrintfulSignature(rawBody: string, header: string | undefined, secret: string | undefined): void {
  if (!secret || !header) throw badSignature();
  const given = header.trim().replace(/^sha256=/i, '');
  if (!/^[0-9a-f]{64}$/i.test(given)) throw badSignature();
  const expected = Buffer.from(printfulSignature(rawBody, secret), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) throw badSignature();
}
