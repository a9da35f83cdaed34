import { join } from 'node:path';
import { IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { PlatformConfig } from '../config/platform-config';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';
import type { FileStore } from './file-store';

type ConfigClass = new (...args: any[]) => PlatformConfig;

/** Signs local download links on a development machine only; a production process with it stops (see below). */
export const DEVELOPMENT_FILE_LINK_SECRET = 'development-only-file-link-secret';

/**
 * Adds the file store's variables to any config class (a mixin, like withMailConfig). FILE_STORE=local
 * keeps files under FILE_STORE_DIR and signs links the gateway serves; FILE_STORE=s3 uses a bucket.
 * The gateway and every service that writes files must share FILE_STORE_DIR and FILE_LINK_SECRET.
 */
export function withFileStoreConfig<TBase extends ConfigClass>(Base: TBase) {
  class WithFileStoreConfig extends Base {
    @IsIn(['local', 's3']) FILE_STORE: 'local' | 's3' = 'local';
    @IsString() FILE_STORE_DIR: string = join(process.cwd(), 'var', 'files');
    @IsString()
    @MinLength(16, { message: 'FILE_LINK_SECRET must be at least 16 characters' })
    FILE_LINK_SECRET: string = DEVELOPMENT_FILE_LINK_SECRET;
    /** Where the gateway's `files?token=` route is reached from outside (an absolute URL in production). */
    @IsString() FILE_LINK_BASE_URL: string = '/api/v1/files';
    @IsOptional() @IsString() S3_BUCKET?: string;
    @IsString() S3_REGION: string = 'us-east-1';
    @IsOptional() @IsString() S3_ENDPOINT?: string;
    @IsIn(['true', 'false']) S3_FORCE_PATH_STYLE: string = 'false';
    @IsOptional() @IsString() S3_ACCESS_KEY_ID?: string;
    @IsOptional() @IsString() S3_SECRET_ACCESS_KEY?: string;
    @IsOptional() @IsString() S3_PREFIX?: string;
  }
  return WithFileStoreConfig;
}

export class FileStoreConfig extends withFileStoreConfig(PlatformConfig) {}
export type FileStoreSettings = Omit<FileStoreConfig, keyof PlatformConfig>;

/** The store a config names; fails fast when S3 is chosen without a bucket or production keeps the development secret. */
export function fileStoreFrom(settings: FileStoreSettings & { NODE_ENV?: string }): FileStore {
  if (settings.NODE_ENV === 'production' && settings.FILE_STORE === 'local' && settings.FILE_LINK_SECRET === DEVELOPMENT_FILE_LINK_SECRET) {
    throw new Error('FILE_LINK_SECRET must be set in production (the development default is public: anyone could sign download links)');
  }
  if (settings.FILE_STORE === 's3') {
    if (!settings.S3_BUCKET) throw new Error('S3_BUCKET is required when FILE_STORE=s3');
    return new S3FileStore({
      bucket: settings.S3_BUCKET,
      region: settings.S3_REGION,
      endpoint: settings.S3_ENDPOINT,
      forcePathStyle: settings.S3_FORCE_PATH_STYLE === 'true',
      accessKeyId: settings.S3_ACCESS_KEY_ID,
      secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
      prefix: settings.S3_PREFIX,
    });
  }
  return new LocalFileStore({
    dir: settings.FILE_STORE_DIR,
    linkSecret: settings.FILE_LINK_SECRET,
    linkBaseUrl: settings.FILE_LINK_BASE_URL,
  });
}
