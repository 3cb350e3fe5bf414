import { describe, expect, it } from 'vitest';
import { readConfigSection } from '../config/config-section.js';
import { StorageConfig } from './storage.config.js';

const s3 = { FILE_STORAGE: 's3', S3_BUCKET: 'atrium-files', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret' };

describe('storage configuration', () => {
  it('keeps files on the local disk unless told otherwise, and needs nothing for it', () => {
    expect(readConfigSection(StorageConfig, {})).toMatchObject({
      FILE_STORAGE: 'local',
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
    });
  });

  it('takes a complete S3 configuration', () => {
    const config = readConfigSection(StorageConfig, { ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' });
    expect(config).toMatchObject({ FILE_STORAGE: 's3', S3_BUCKET: 'atrium-files', S3_FORCE_PATH_STYLE: true });
  });

  it.each([
    [{ FILE_STORAGE: 'ftp' }, 'FILE_STORAGE'],
    [{ ...s3, S3_BUCKET: undefined }, 'S3_BUCKET'],
    [{ ...s3, S3_BUCKET: 'Bad_Bucket' }, 'S3_BUCKET'],
    [{ ...s3, S3_ACCESS_KEY_ID: '' }, 'S3_ACCESS_KEY_ID'],
    [{ ...s3, S3_SECRET_ACCESS_KEY: undefined }, 'S3_SECRET_ACCESS_KEY'],
    [{ ...s3, S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
    [{ ...s3, S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE'],
  ])('stops the start on %o with one line naming %s', (raw, variable) => {
    expect(() => readConfigSection(StorageConfig, raw)).toThrow(new RegExp(`^Invalid environment: ${variable} [^\\n]+$`));
  });
});
