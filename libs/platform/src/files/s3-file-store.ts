import type * as S3 from '@aws-sdk/client-s3';
import type * as Presigner from '@aws-sdk/s3-request-presigner';
import { Readable } from 'node:stream';
import { assertFileKey, contentTypeOf, FileContent, fileNotFound, FileStore, StoredFile } from './file-store';

export interface S3FileStoreOptions {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, R2, a local fake); AWS itself when absent. */
  endpoint?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Optional folder inside the bucket. */
  prefix?: string;
}

// S3 parts are at least 5 MiB (except the last): a stream is uploaded in parts this size, so at most one part is held in memory.
const PART_BYTES = 8 * 1024 * 1024;

/** An S3-compatible bucket; downloads are presigned GETs, so the bytes never pass through our services. */
export class S3FileStore implements FileStore {
  private readonly client: S3.S3Client;
  // Loaded when an S3 store is made: the SDK costs every process that imports the platform ~30 MB otherwise.
  private readonly s3: typeof S3 = require('@aws-sdk/client-s3');
  private readonly presigner: typeof Presigner = require('@aws-sdk/s3-request-presigner');

  constructor(private readonly options: S3FileStoreOptions) {
    this.client = new this.s3.S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
    });
  }

  private objectKey(key: string): string {
    return `${this.options.prefix ? `${this.options.prefix.replace(/\/$/, '')}/` : ''}${assertFileKey(key)}`;
  }

  async put(key: string, body: Readable | Buffer, options: { contentType?: string } = {}): Promise<StoredFile> {
    const Key = this.objectKey(key);
    const ContentType = options.contentType ?? contentTypeOf(key);
    const Bucket = this.options.bucket;
    const parts = partsOf(Buffer.isBuffer(body) ? Readable.from([body]) : body);
    const first = await parts.next();
    const firstPart = first.done ? Buffer.alloc(0) : first.value;
    const second = first.done ? { done: true as const, value: undefined } : await parts.next();
    if (second.done) {
      await this.client.send(new this.s3.PutObjectCommand({ Bucket, Key, Body: firstPart, ContentType }));
      return { key, size: firstPart.length };
    }
    const { UploadId } = await this.client.send(new this.s3.CreateMultipartUploadCommand({ Bucket, Key, ContentType }));
    try {
      const done: { ETag?: string; PartNumber: number }[] = [];
      let size = 0;
      const upload = async (part: Buffer) => {
        const PartNumber = done.length + 1;
        const { ETag } = await this.client.send(new this.s3.UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body: part }));
        done.push({ ETag, PartNumber });
        size += part.length;
      };
      await upload(firstPart);
      await upload(second.value);
      for await (const part of { [Symbol.asyncIterator]: () => parts }) await upload(part);
      await this.client.send(new this.s3.CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: done } }));
      return { key, size };
    } catch (error) {
      await this.client.send(new this.s3.AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<FileContent> {
    try {
      const out = await this.client.send(new this.s3.GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return { stream: out.Body as Readable, size: out.ContentLength ?? 0 };
    } catch (error) {
      if (
        (error as { name?: string }).name === 'NoSuchKey' ||
        (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
      ) {
        throw fileNotFound(key);
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new this.s3.DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }

  signedUrl(key: string, ttlSeconds: number, options: { filename?: string } = {}): Promise<string> {
    const command = new this.s3.GetObjectCommand({
      Bucket: this.options.bucket,
      Key: this.objectKey(key),
      ResponseContentDisposition: options.filename ? `attachment; filename="${options.filename.replace(/"/g, '')}"` : undefined,
    });
    return this.presigner.getSignedUrl(this.client, command, { expiresIn: ttlSeconds });
  }
}

/** The stream cut into PART_BYTES buffers (the last one shorter). */
async function* partsOf(stream: Readable): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  let yielded = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    pending.push(buffer);
    length += buffer.length;
    if (length >= PART_BYTES) {
      const all = Buffer.concat(pending);
      yielded++;
      yield all.subarray(0, PART_BYTES);
      pending = [all.subarray(PART_BYTES)];
      length = pending[0].length;
    }
  }
  if (length > 0 || yielded === 0) yield Buffer.concat(pending);
}
