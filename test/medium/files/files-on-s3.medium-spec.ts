import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { s3Client } from '../../../src/core/storage/index.js';
import { FilesService } from '../../../src/modules/files/files.service.js';
import { fileModel, filesUnder, PNG_BYTES, storedFile } from '../../support/factories/files.js';
import { startMediumApp } from '../../support/medium-app.js';
import { MINIO_BINARY, requireMinio, startMinio, type RunningMinio } from './minio.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('files kept in S3 (FILE_STORAGE=s3, against MinIO)', () => {
  let minio: RunningMinio | undefined;
  let medium: Awaited<ReturnType<typeof startMediumApp>> | undefined;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atrium-files-'));
    if (!MINIO_BINARY) return;
    minio = await startMinio(MINIO_BINARY, 'atrium-uploads');
    const { endpoint, region, bucket, accessKeyId, secretAccessKey } = minio.settings;
    Object.assign(process.env, {
      DATA_DIR: dataDir,
      FILE_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: region,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    });
    medium = await startMediumApp();
  }, 120_000);
  afterAll(async () => {
    await medium?.close();
    await minio?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(requireMinio);

  it('stores a visitor’s resume in the bucket and hands out a presigned link to the same bytes', async () => {
    const files = medium!.app.get(FilesService);
    const file = await files.storeUpload(null, 'resume', { stream: Readable.from([PDF]), fileName: 'cv.pdf' });
    expect(file).toMatchObject({ ownerId: null, purpose: 'resume', contentType: 'application/pdf', size: PDF.length });
    const link = await files.downloadUrlFor(file.id);
    expect(link.url.startsWith(minio!.settings.endpoint)).toBe(true);
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), PDF)).toBe(0);
    await files.remove(file.id);
    expect((await fetch(link.url)).status).toBe(404);
    await expect(files.describe(file.id)).rejects.toMatchObject({ status: 404 });
  });

  it('answers 404 unless the file is the user’s own and of the purpose asked for', async () => {
    const files = medium!.app.get(FilesService);
    const ownerId = '0123456789abcdef01234567';
    const file = await storedFile(medium!.app, { ownerId, bytes: PNG_BYTES });
    await expect(files.assertOwnedBy(file.id, ownerId, 'avatar')).resolves.toMatchObject({ id: file.id });
    await expect(files.assertOwnedBy(file.id, ownerId, 'resume')).rejects.toMatchObject({ status: 404 });
    await expect(files.assertOwnedBy(file.id, 'ffffffffffffffffffffffff')).rejects.toMatchObject({ status: 404 });
    await expect(files.assertOwnedBy('not-an-id', ownerId)).rejects.toMatchObject({ status: 404 });
  });

  it('stores nothing, in the bucket or on disk, for a refused upload', async () => {
    const files = medium!.app.get(FilesService);
    const objects = async () =>
      (await s3Client(minio!.settings).send(new ListObjectsV2Command({ Bucket: minio!.settings.bucket }))).KeyCount ?? 0;
    const before = { documents: await fileModel(medium!.app).countDocuments(), objects: await objects() };
    await expect(files.storeUpload(null, 'avatar', { stream: Readable.from([PDF]), fileName: 'cv.png' })).rejects.toMatchObject({
      status: 415,
    });
    await expect(
      files.storeUpload(null, 'avatar', { stream: Readable.from([PNG_BYTES, Buffer.alloc(6 * 1024 * 1024)]), fileName: 'big.png' }),
    ).rejects.toMatchObject({ status: 413 });
    expect({ documents: await fileModel(medium!.app).countDocuments(), objects: await objects() }).toEqual(before);
    expect(await filesUnder(dataDir)).toEqual([]);
  });
});
