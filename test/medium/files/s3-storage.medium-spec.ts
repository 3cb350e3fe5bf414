import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { s3Client, S3Storage, StoredObjectMissing } from '../../../src/core/storage/index.js';
import { MINIO_BINARY, requireMinio, startMinio, type RunningMinio } from './minio.js';

describe('the S3 storage adapter against MinIO', () => {
  let minio: RunningMinio | undefined;
  let storage: S3Storage;

  beforeAll(async () => {
    if (!MINIO_BINARY) return;
    minio = await startMinio(MINIO_BINARY, 'atrium-files-test');
    storage = new S3Storage(s3Client(minio.settings), minio.settings.bucket);
  }, 90_000);
  afterAll(() => minio?.stop());
  beforeEach(requireMinio);

  it('stores a buffer and a stream and reads back the same bytes', async () => {
    const bytes = randomBytes(200_000);
    await storage.put('files/attachment/one', bytes, { contentType: 'application/octet-stream', size: bytes.length });
    expect(Buffer.compare(await buffer(await storage.get('files/attachment/one')), bytes)).toBe(0);
    const streamed = Buffer.from('streamed content');
    await storage.put('files/attachment/two', Readable.from([streamed]), { contentType: 'text/plain', size: streamed.length });
    expect((await buffer(await storage.get('files/attachment/two'))).toString()).toBe('streamed content');
  });

  it('signs a link that downloads the bytes as an attachment with the given name and type', async () => {
    const bytes = Buffer.from('%PDF-1.4\n%%EOF\n');
    await storage.put('files/resume/cv', bytes, { contentType: 'application/pdf', size: bytes.length });
    const url = await storage.signedDownloadUrl('files/resume/cv', {
      ttlSeconds: 60,
      fileName: 'Jane Doé.pdf',
      contentType: 'application/pdf',
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), bytes)).toBe(0);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Jane Do_.pdf"; filename*=UTF-8''Jane%20Do%C3%A9.pdf`);
    const altered = new URL(url);
    altered.searchParams.set('response-content-type', 'text/html');
    expect((await fetch(altered)).status).toBe(403);
  });

  it('deletes an object; reading it then is missing, and deleting again is fine', async () => {
    await storage.put('files/avatar/gone', Buffer.from('x'), { contentType: 'text/plain', size: 1 });
    await storage.delete('files/avatar/gone');
    await expect(storage.get('files/avatar/gone')).rejects.toBeInstanceOf(StoredObjectMissing);
    await expect(storage.delete('files/avatar/gone')).resolves.toBeUndefined();
  });
});
