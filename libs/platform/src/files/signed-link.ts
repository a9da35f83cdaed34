import { createHmac, timingSafeEqual } from 'node:crypto';

export interface FileLink {
  key: string;
  /** Unix seconds. */
  expiresAt: number;
  filename?: string;
}

export type FileLinkCheck = { ok: true; link: FileLink } | { ok: false; reason: 'invalid' | 'expired' };

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(`file-link:${payload}`).digest('base64url');

/** `<payload>.<hmac>`: the key and its expiry are readable, but changing either breaks the HMAC. */
export function signFileLink(secret: string, link: FileLink): string {
  const payload = Buffer.from(JSON.stringify({ k: link.key, e: link.expiresAt, n: link.filename }), 'utf8').toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** Invalid (forged, altered, garbled) is told apart from expired: the first is 403, the second 410. */
export function verifyFileLink(secret: string, token: string, nowMs = Date.now()): FileLinkCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  let parsed: { k?: unknown; e?: unknown; n?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof parsed.k !== 'string' || typeof parsed.e !== 'number') return { ok: false, reason: 'invalid' };
  if (parsed.e * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, link: { key: parsed.k, expiresAt: parsed.e, filename: typeof parsed.n === 'string' ? parsed.n : undefined } };
}
