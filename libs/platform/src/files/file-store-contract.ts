import { Readable } from 'node:stream';
import type { FileStore } from './file-store';

const read = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
};

/**
 * What every FileStore does, run against each implementation: the local folder and S3 (against
 * s3rver) must behave the same to the code that uses them. `download` fetches a signed link.
 */
export function fileStoreContract(name: string, setup: () => Promise<{ store: FileStore; download: (url: string) => Promise<Response> }>) {
  describe(`${name}: the file store contract`, () => {
    let store: FileStore;
    let download: (url: string) => Promise<Response>;

    beforeAll(async () => {
      ({ store, download } = await setup());
    }, 30000);

    it('puts a buffer and gets the same bytes back with their size', async () => {
      const body = Buffer.from('id,total\n1,10.00\n', 'utf8');
      expect(await store.put('reports/a/one.csv', body)).toEqual({ key: 'reports/a/one.csv', size: body.length });
      const got = await store.get('reports/a/one.csv');
      expect(got.size).toBe(body.length);
      expect((await read(got.stream)).equals(body)).toBe(true);
    });

    it('streams a body larger than one upload part without changing a byte', async () => {
      const chunk = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31) % 251;
      const chunks = 19; // 19 MiB: three multipart parts on S3
      const stored = await store.put(
        'big/file.bin',
        Readable.from(
          (function* () {
            for (let i = 0; i < chunks; i++) yield chunk;
          })(),
        ),
      );
      expect(stored.size).toBe(chunks * chunk.length);
      const back = await read((await store.get('big/file.bin')).stream);
      expect(back.length).toBe(chunks * chunk.length);
      expect(back.subarray(5 * chunk.length, 6 * chunk.length).equals(chunk)).toBe(true);
      expect(back.subarray(-chunk.length).equals(chunk)).toBe(true);
    }, 60000);

    it('overwrites a key, and an empty body is a file of size 0', async () => {
      await store.put('x/over.txt', Buffer.from('first'));
      await store.put('x/over.txt', Buffer.from('second'));
      expect((await read((await store.get('x/over.txt')).stream)).toString()).toBe('second');
      expect(await store.put('x/empty.txt', Buffer.alloc(0))).toEqual({ key: 'x/empty.txt', size: 0 });
    });

    it('answers FILES.NOT_FOUND for a missing or deleted file, and deleting twice is fine', async () => {
      await expect(store.get('nothing/here.pdf')).rejects.toMatchObject({ code: 'FILES.NOT_FOUND', kind: 'not_found' });
      await store.put('x/gone.txt', Buffer.from('bye'));
      await store.delete('x/gone.txt');
      await store.delete('x/gone.txt');
      await expect(store.get('x/gone.txt')).rejects.toMatchObject({ code: 'FILES.NOT_FOUND' });
    });

    it('refuses keys that climb out of the store or carry odd characters', async () => {
      for (const key of ['../etc/passwd', '/abs/path', 'a/../../b', 'a//b', 'sp ace.txt', '']) {
        await expect(store.put(key, Buffer.from('x'))).rejects.toMatchObject({ code: 'FILES.BAD_KEY', kind: 'invalid' });
      }
    });

    it('hands out a signed link that downloads the file, and one that stops working when it expires', async () => {
      await store.put('links/report.json', Buffer.from('{"ok":true}'));
      const response = await download(await store.signedUrl('links/report.json', 60, { filename: 'report.json' }));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('{"ok":true}');
      const short = await store.signedUrl('links/report.json', 1);
      await new Promise((r) => setTimeout(r, 2100));
      expect((await download(short)).status).toBeGreaterThanOrEqual(400);
    });
  });
}
