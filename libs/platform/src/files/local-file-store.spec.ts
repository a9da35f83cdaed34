import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileStoreContract } from './file-store-contract';
import { LocalFileStore } from './local-file-store';
import { signFileLink, verifyFileLink } from './signed-link';

const SECRET = 'a-test-secret-of-enough-length';
let dir: string;
let server: Server;

/** Serves `/files?token=<token>` the way the gateway does: verify, then stream; 403 when forged, 410 when expired. */
async function downloadServer(store: LocalFileStore): Promise<string> {
  server = createServer((req, res) => {
    const check = verifyFileLink(SECRET, new URL(req.url ?? '', 'http://x').searchParams.get('token') ?? '');
    if (!check.ok) return void res.writeHead(check.reason === 'expired' ? 410 : 403).end();
    store
      .get(check.link.key)
      .then(({ stream }) => pipeline(stream, res))
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/files`;
}

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  if (dir) await rm(dir, { recursive: true, force: true });
});

fileStoreContract('LocalFileStore', async () => {
  dir = await mkdtemp(join(tmpdir(), 'files-'));
  const probe = new LocalFileStore({ dir, linkSecret: SECRET, linkBaseUrl: '' });
  const base = await downloadServer(probe);
  const store = new LocalFileStore({ dir, linkSecret: SECRET, linkBaseUrl: base });
  return { store, download: (url) => fetch(url) };
});

describe('signed file links', () => {
  const link = { key: 'reports/r1/e1.pdf', expiresAt: 2_000_000_000 };

  it('verifies its own link and reads the key, expiry and file name back', () => {
    expect(verifyFileLink(SECRET, signFileLink(SECRET, { ...link, filename: 'x.pdf' }), 1_000)).toEqual({
      ok: true,
      link: { ...link, filename: 'x.pdf' },
    });
  });

  it('tells an expired link (410) from a forged or altered one (403)', () => {
    const token = signFileLink(SECRET, link);
    expect(verifyFileLink(SECRET, token, 2_000_000_000 * 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyFileLink('another-secret-of-some-length', token)).toEqual({ ok: false, reason: 'invalid' });
    const [payload, mac] = token.split('.');
    const longer = Buffer.from(JSON.stringify({ k: link.key, e: link.expiresAt + 1_000_000 })).toString('base64url');
    expect(verifyFileLink(SECRET, `${longer}.${mac}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyFileLink(SECRET, `${payload}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyFileLink(SECRET, `${payload}.${mac}.x`)).toEqual({ ok: false, reason: 'invalid' });
  });
});
