import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { fileStoreContract } from './file-store-contract';
import { S3FileStore } from './s3-file-store';

// s3rver: a local S3 that checks request signatures the way S3 does (S3RVER / S3RVER is its fixed key pair).
const S3rver = require('s3rver');

let dir: string;
let server: { run(): Promise<AddressInfo>; close(): Promise<void> };

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

fileStoreContract('S3FileStore (s3rver)', async () => {
  dir = await mkdtemp(join(tmpdir(), 's3rver-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  await new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials }).send(
    new CreateBucketCommand({ Bucket: 'suite-files' }),
  );
  const store = new S3FileStore({
    bucket: 'suite-files',
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    prefix: 'test',
    ...credentials,
  });
  return { store, download: (url) => fetch(url) };
});
