import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Lalamove's request signature: hex HMAC-SHA256, keyed with the API secret, over
 * `<timestamp>\r\n<METHOD>\r\n<path>\r\n\r\n<body>` (body empty for GET and DELETE).
 */
export const lalamoveSignature = (secret: string, timestamp: string | number, method: string, path: string, body = ''): string =>
  createHmac('sha256', secret).update(`${timestamp}\r\n${method.toUpperCase()}\r\n${path}\r\n\r\n${body}`, 'utf8').digest('hex');

/** `Authorization: hmac <apiKey>:<timestamp>:<signature>` (timestamp in milliseconds). */
export const lalamoveAuthorization = (
  apiKey: string,
  secret: string,
  timestamp: string | number,
  method: string,
  path: string,
  body = '',
): string => `hmac ${apiKey}:${timestamp}:${lalamoveSignature(secret, timestamp, method, path, body)}`;

/** Constant-time comparison of two hex MACs; false for anything that is not 64 hex digits. */
export function sameMac(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || !/^[0-9a-f]{64}$/i.test(given)) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given.toLowerCase(), 'hex'));
}

/**
 * A webhook's signature as Lalamove documents it: the same HMAC with the method POST, the path of our
 * webhook URL, and the JSON of the body's `data` field as the body. Its apiKey must be ours.
 */
export function verifyLalamoveWebhook(
  event: { apiKey?: unknown; timestamp?: unknown; signature?: unknown; data?: unknown },
  path: string,
  apiKey: string,
  secret: string,
): boolean {
  if (!apiKey || !secret || event.apiKey !== apiKey) return false;
  if (typeof event.timestamp !== 'number' && typeof event.timestamp !== 'string') return false;
  if (event.data === undefined) return false;
  return sameMac(lalamoveSignature(secret, event.timestamp, 'POST', path, JSON.stringify(event.data)), event.signature);
}

/**
 * Lalamove's ids are strings, but one sent as a bare number of 19 digits would lose its last digits in
 * JSON.parse: id fields holding long digit runs are quoted before parsing.
 */
export const parseKeepingIds = (text: string): unknown =>
  JSON.parse(text.replace(/("(?:orderId|driverId|quotationId|stopId|eventId)"\s*:\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"'));
