import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerResponse } from 'node:http';
import { answer, HttpFake, Received } from './http-fake';

/**
 * A Web Push service (RFC 8030) that checks VAPID (RFC 8292) as a real one does: `Authorization: vapid
 * t=<JWT>,k=<public key>`, the JWT ES256-signed by that key, its aud the origin of the endpoint, exp in
 * the future and within 24 h, sub a mailto: or https: URL; the body must be aes128gcm-encrypted. Endpoints
 * listed in `gone` answer 410 (the browser unsubscribed). Accepted messages answer 201.
 */
export class PushFake extends HttpFake {
  readonly gone = new Set<string>();
  readonly accepted: { path: string; bytes: number; ttl: string | undefined; urgency: string | undefined }[] = [];
  readonly refused: { path: string; reason: string }[] = [];

  /** Give this to the sender as NODE_EXTRA_CA_CERTS: the fake's self-signed certificate for 127.0.0.1. */
  readonly caFile: string;

  constructor(readonly expectedPublicKey: string) {
    const dir = mkdtempSync(join(tmpdir(), 'push-fake-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    super({ key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') });
    this.caFile = join(dir, 'cert.pem');
  }

  endpoint(id: string): string {
    return `${this.base}/push/${id}`;
  }

  protected handle(r: Received, res: ServerResponse): void {
    if (r.method !== 'POST' || !r.path.startsWith('/push/')) return answer(res, 404, undefined);
    const reason = this.vapidProblem(r);
    if (reason) {
      this.refused.push({ path: r.path, reason });
      return answer(res, 403, { reason });
    }
    if (this.gone.has(r.path.slice('/push/'.length))) return answer(res, 410, undefined);
    if (r.headers['content-encoding'] !== 'aes128gcm') return answer(res, 400, { reason: 'content-encoding must be aes128gcm' });
    this.accepted.push({
      path: r.path,
      bytes: Buffer.byteLength(r.raw, 'latin1'),
      ttl: r.headers.ttl as string,
      urgency: r.headers.urgency as string,
    });
    res.writeHead(201, { location: `${this.base}/message/${this.accepted.length}` });
    res.end();
  }

  private vapidProblem(r: Received): string | null {
    const match = /^vapid t=([^,]+),\s*k=([A-Za-z0-9_-]+)$/.exec(r.headers.authorization ?? '');
    if (!match) return 'Authorization is not vapid t=...,k=...';
    const [, jwt, k] = match;
    if (k !== this.expectedPublicKey) return 'k is not the application server key the subscription was made with';
    const [header, claims, signature] = jwt.split('.');
    const point = Buffer.from(k, 'base64url');
    if (point.length !== 65 || point[0] !== 4) return 'k is not an uncompressed P-256 point';
    const key = createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
      format: 'jwk',
    });
    const ok = verify(
      'sha256',
      Buffer.from(`${header}.${claims}`),
      { key, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature ?? '', 'base64url'),
    );
    if (!ok) return 'the JWT signature does not verify with k';
    const h = JSON.parse(Buffer.from(header, 'base64url').toString());
    const c = JSON.parse(Buffer.from(claims, 'base64url').toString());
    if (h.alg !== 'ES256') return 'alg must be ES256';
    if (c.aud !== this.base) return `aud ${c.aud} is not the push service origin ${this.base}`;
    const now = Date.now() / 1000;
    if (typeof c.exp !== 'number' || c.exp < now || c.exp > now + 24 * 3600) return 'exp must be within the next 24 hours';
    if (!/^(mailto:|https:)/.test(c.sub ?? '')) return 'sub must be a mailto: or https: URL';
    return null;
  }
}
