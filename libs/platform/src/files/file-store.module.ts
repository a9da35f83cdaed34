import { DynamicModule, Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '../bootstrap/service-definition';
import { fileStoreFrom, type FileStoreSettings } from './file-store-config';
import { FILE_STORE } from './file-store';

/** `FileStoreModule.forRoot()` makes `@InjectFileStore()` available; the config class must use withFileStoreConfig. */
@Module({})
export class FileStoreModule {
  static forRoot(): DynamicModule {
    return {
      module: FileStoreModule,
      providers: [{ provide: FILE_STORE, useFactory: (config: FileStoreSettings) => fileStoreFrom(config), inject: [PLATFORM_CONFIG] }],
      exports: [FILE_STORE],
    };
  }
}
