import { resolve } from 'node:path';
import { adapterProvider } from '../adapters/adapter-provider.js';
import { AppConfig } from '../config/app-config.js';
import { DownloadTokens } from './download-token.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { s3Client, S3Storage } from './s3.storage.js';
import { StorageConfig } from './storage.config.js';

/** S3 when FILE_STORAGE=s3 (its variables checked at boot); files under DATA_DIR/files otherwise. */
export const fileStorageProvider = adapterProvider<FileStorage, [StorageConfig, AppConfig, DownloadTokens]>({
  port: FILE_STORAGE,
  name: 'file storage',
  inject: [StorageConfig, AppConfig, DownloadTokens],
  vendor: (storage) =>
    storage.FILE_STORAGE === 's3'
      ? new S3Storage(
          s3Client({
            endpoint: storage.S3_ENDPOINT,
            region: storage.S3_REGION,
            bucket: storage.S3_BUCKET!,
            accessKeyId: storage.S3_ACCESS_KEY_ID!,
            secretAccessKey: storage.S3_SECRET_ACCESS_KEY!,
            forcePathStyle: storage.S3_FORCE_PATH_STYLE,
          }),
          storage.S3_BUCKET!,
        )
      : undefined,
  embedded: (_storage, app, tokens) => new LocalDiskStorage(resolve(app.get('DATA_DIR'), 'files'), tokens, app.get('PUBLIC_BASE_URL')),
});

/** The signer of local download links, keyed from the application secret. */
export const downloadTokensProvider = {
  provide: DownloadTokens,
  inject: [AppConfig],
  useFactory: (app: AppConfig) => new DownloadTokens(app.get('JWT_SECRET')),
};
