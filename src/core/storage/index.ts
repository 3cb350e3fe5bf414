/** The storage port: one interface for objects by key, a local-disk adapter and an S3-compatible one. */
export { attachmentDisposition } from './content-disposition.js';
export {
  DOWNLOAD_TOKEN_PATTERN,
  DownloadLinkExpired,
  DownloadLinkInvalid,
  DownloadTokens,
  type DownloadGrant,
  type SignedDownload,
} from './download-token.js';
export { assertStorageKey, FILE_STORAGE, StoredObjectMissing, type FileStorage, type SignedDownloadOptions } from './file-storage.js';
export { LOCAL_DOWNLOAD_PATH, LocalDiskStorage } from './local-disk.storage.js';
export { s3Client, S3Storage, type S3Settings } from './s3.storage.js';
export { StorageConfig } from './storage.config.js';
export { StorageModule } from './storage.module.js';
