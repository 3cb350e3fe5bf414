import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { ELF_BYTES, EXE_BYTES, fileModel, filesUnder, HTML_BYTES, PNG_BYTES } from '../../support/factories/files.js';

const LIMIT = 64 * 1024;

describe('uploading files', () => {
  let t: TestApp;
  let dataDir: string;
  let owner: TestUser;
  let other: TestUser;
  let staff: TestUser;

  const upload = (user: TestUser, purpose: string, bytes: Buffer, name: string) =>
    t.http().post('/api/files').set(bearer(user)).field('purpose', purpose).attach('file', bytes, name);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atrium-files-'));
    process.env.DATA_DIR = dataDir;
    process.env.UPLOAD_MAX_BYTES = String(LIMIT);
    t = await startTestApp();
    [owner, other, staff] = await Promise.all([registerUser(t), registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores a PNG and answers its metadata, with the type detected from the bytes', async () => {
    const response = await upload(owner, 'avatar', PNG_BYTES, '../../etc/My "avatar".png');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({
      ownerId: owner.id,
      purpose: 'avatar',
      fileName: 'My _avatar_.png',
      contentType: 'image/png',
      size: PNG_BYTES.length,
    });
    expect(response.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const read = await t.http().get(`/api/files/${response.body.id}`).set(bearer(owner));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(response.body);
  });

  it.each([
    ['a Linux executable', ELF_BYTES],
    ['a Windows executable', EXE_BYTES],
    ['an HTML page', HTML_BYTES],
  ])('refuses %s renamed .png with 415 and stores nothing', async (_, bytes) => {
    const before = await fileModel(t.app).countDocuments();
    const response = await upload(owner, 'avatar', bytes, 'harmless.png');
    expect(response.status).toBe(415);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.type).toBe('urn:atrium:problem:unsupported-file-type');
    expect(await fileModel(t.app).countDocuments()).toBe(before);
  });

  it('refuses HTML even where plain text is allowed', async () => {
    const response = await upload(owner, 'resume', HTML_BYTES, 'cv.txt');
    expect(response.status).toBe(415);
  });

  it('accepts plain text where the purpose lists it', async () => {
    const response = await upload(owner, 'resume', Buffer.from('Jane Doe\nEngineer, 10 years.\n'), 'cv.txt');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.contentType).toBe('text/plain');
  });

  it('refuses a file over the limit with 413: no document, nothing left on disk', async () => {
    const before = await fileModel(t.app).countDocuments();
    const onDisk = await filesUnder(dataDir);
    const oversized = Buffer.concat([PNG_BYTES, Buffer.alloc(LIMIT)]);
    const response = await upload(owner, 'avatar', oversized, 'big.png');
    expect(response.status).toBe(413);
    expect(response.body.type).toBe('urn:atrium:problem:upload-too-large');
    expect(await fileModel(t.app).countDocuments()).toBe(before);
    expect(await filesUnder(dataDir)).toEqual(onDisk);
  });

  it('answers a JSON body with 415, a form without a file with 400 and an unknown purpose with 400', async () => {
    const json = await t.http().post('/api/files').set(bearer(owner)).send({ purpose: 'avatar' });
    expect(json.status).toBe(415);
    expect(json.body.type).toBe('urn:atrium:problem:multipart-required');
    const noFile = await t.http().post('/api/files').set(bearer(owner)).field('purpose', 'avatar');
    expect(noFile.status).toBe(400);
    const badPurpose = await upload(owner, 'weapon', PNG_BYTES, 'a.png');
    expect(badPurpose.status).toBe(400);
  });

  it('hides another user’s file (404) and shows it to the staff', async () => {
    const id = (await upload(owner, 'avatar', PNG_BYTES, 'a.png')).body.id;
    expect((await t.http().get(`/api/files/${id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/files/${id}/download-url`).set(bearer(other))).status).toBe(404);
    expect((await t.http().delete(`/api/files/${id}`).set(bearer(other))).status).toBe(404);
    expect((await t.http().get(`/api/files/${id}`).set(bearer(staff))).status).toBe(200);
  });
});
