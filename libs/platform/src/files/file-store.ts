import { Inject } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error';

export interface StoredFile {
  key: string;
  size: number;
}

export interface FileContent {
  stream: Readable;
  size: number;
}

/**
 * Where files live (report outputs, exports, import uploads, labels): a local folder or an
 * S3-compatible bucket behind one interface. Bodies are streams so a file of any size passes
 * through in bounded memory. Downloads are never served by the services: signedUrl hands out an
 * expiring link (the gateway's /files route for the local store, a presigned GET for S3).
 */
export interface FileStore {
  put(key: string, body: Readable | Buffer, options?: { contentType?: string }): Promise<StoredFile>;
  /** Rejects with FILES.NOT_FOUND (not_found) when there is no such file. */
  get(key: string): Promise<FileContent>;
  /** Deleting a missing file is not an error: a retried cleanup must succeed. */
  delete(key: string): Promise<void>;
  signedUrl(key: string, ttlSeconds: number, options?: { filename?: string }): Promise<string>;
}

export const FILE_STORE = Symbol('FILE_STORE');
export const InjectFileStore = () => Inject(FILE_STORE);

// Keys become paths of the local store: no absolute paths, no `..`, no odd characters.
const KEY = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;

export function assertFileKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.') || key.length > 512) {
    throw new AppError('invalid', 'FILES.BAD_KEY', 'A file key is slash-separated names of letters, digits, dot, dash and underscore.');
  }
  return key;
}

export const fileNotFound = (key: string) => new AppError('not_found', 'FILES.NOT_FOUND', 'No such file.', { key });

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml; charset=utf-8',
  png: 'image/png',
  zip: 'application/zip',
};

/** The content type a download is served with, from the key's extension. */
export function contentTypeOf(key: string): string {
  return TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}
