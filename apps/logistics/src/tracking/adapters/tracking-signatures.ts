import { createHmac, timingSafeEqual } from 'node:crypto';
import { unauthorized } from '@suite/platform';

export const AFTERSHIP_SIGNATURE_HEADER = 'aftership-hmac-sha256';
export const EASYPOST_SIGNATURE_HEADER = 'x-hmac-signature';

const invalid = () => unauthorized('LOGISTICS.WEBHOOK_SIGNATURE_INVALID', 'Webhook signature does not verify.');

const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/**
 * AfterShip: the base64 HMAC-SHA256 of the raw body with the account's webhook secret, in
 * `aftership-hmac-sha256`. No secret configured: nothing verifies (fail closed).
 */
export function verifyAfterShipSignature(rawBody: string, header: string | undefined, secret: string | undefined): void {
  if (!secret || !header) throw invalid();
  const expected = createHmac('sha256', secret).update(rawBody, 'utf8').digest();
  if (!sameBytes(Buffer.from(header.trim(), 'base64'), expected)) throw invalid();
}

/**
 * EasyPost: `X-Hmac-Signature: hmac-sha256-hex=<hex>`, the hex HMAC-SHA256 of the raw body with the
 * webhook secret, NFKD-normalised as EasyPost's own client libraries do.
 */
export function verifyEasyPostSignature(rawBody: string, header: string | undefined, secret: string | undefined): void {
  if (!secret || !header) throw invalid();
  const [scheme, hex] = header.trim().split('=', 2);
  if (scheme !== 'hmac-sha256-hex' || !hex || !/^[0-9a-fA-F]{64}$/.test(hex)) throw invalid();
  const expected = createHmac('sha256', secret.normalize('NFKD')).update(rawBody, 'utf8').digest();
  if (!sameBytes(Buffer.from(hex, 'hex'), expected)) throw invalid();
}
