import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { assertFileKey, FileContent, fileNotFound, FileStore, StoredFile } from './file-store';
import { signFileLink } from './signed-link';

export interface LocalFileStoreOptions {
  dir: string;
  /** HMAC secret of the download links; the gateway verifies them with the same one. */
  linkSecret: string;
  /** Where the gateway serves `/files?token=<token>` (absolute in production; `/api/v1/files` by default). */
  linkBaseUrl: string;
}

/** Files in a folder. Written to a temporary name and renamed, so a reader never sees half a file. */
export class LocalFileStore implements FileStore {
  constructor(private readonly options: LocalFileStoreOptions) {}

  private path(key: string): string {
    return join(this.options.dir, assertFileKey(key));
  }

  async put(key: string, body: Readable | Buffer): Promise<StoredFile> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(partial));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { key, size: (await stat(target)).size };
  }

  async get(key: string): Promise<FileContent> {
    const path = this.path(key);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw fileNotFound(key);
    return { stream: createReadStream(path), size: info.size };
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async signedUrl(key: string, ttlSeconds: number, options: { filename?: string } = {}): Promise<string> {
    assertFileKey(key);
    const token = signFileLink(this.options.linkSecret, {
      key,
      expiresAt: Math.floor(Date.now() / 1000) + ttlSeconds,
      filename: options.filename,
    });
    return `${this.options.linkBaseUrl.replace(/\/$/, '')}?token=${token}`;
  }
}
