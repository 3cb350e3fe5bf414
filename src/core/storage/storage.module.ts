import { Module } from '@nestjs/common';
import { configSectionProvider } from '../config/config-section.js';
import { DownloadTokens } from './download-token.js';
import { FILE_STORAGE } from './file-storage.js';
import { StorageConfig } from './storage.config.js';
import { downloadTokensProvider, fileStorageProvider } from './storage.provider.js';

/** The storage port and the adapter the configuration picks; modules that keep files import it. */
@Module({
  providers: [configSectionProvider(StorageConfig), downloadTokensProvider, fileStorageProvider],
  exports: [FILE_STORAGE, DownloadTokens],
})
export class StorageModule {}
