import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EffectsRelay } from '../../../src/core/events/index.js';
import { DownloadTokens } from '../../../src/core/storage/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { bearer, registerUser, userWithRole, type TestUser } from '../../support/auth.js';
import { fileModel, filesUnder, PNG_BYTES, storedFile } from '../../support/factories/files.js';

/** Supertest speaks to the app directly: keep the path and query of the absolute link. */
const local = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

/** Supertest's parser signature; its response is a Node stream at run time. */
const binary = (response: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('downloading files through signed links', () => {
  let t: TestApp;
  let dataDir: string;
  let owner: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'atrium-files-'));
    process.env.DATA_DIR = dataDir;
    t = await startTestApp();
    [owner, staff] = await Promise.all([registerUser(t), userWithRole(t, 'staff')]);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const linkFor = async (user: TestUser, fileId: string) => {
    const response = await t.http().get(`/api/files/${fileId}/download-url`).set(bearer(user));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { url: string; expiresAt: string };
  };

  it('serves the same bytes as an attachment, with the detected type and nosniff, to anyone holding the link', async () => {
    const file = await storedFile(t.app, { ownerId: owner.id, fileName: 'Ünïcode pic.png' });
    const link = await linkFor(owner, file.id);
    const ttl = new Date(link.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(290_000);
    expect(ttl).toBeLessThanOrEqual(300_000);
    const response = await t.http().get(local(link.url)).buffer(true).parse(binary);
    expect(response.status).toBe(200);
    expect(Buffer.compare(response.body as Buffer, PNG_BYTES)).toBe(0);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="_n_code pic.png"; filename*=UTF-8''${encodeURIComponent('Ünïcode pic.png')}`,
    );
  });

  it('refuses an altered link with 403', async () => {
    const file = await storedFile(t.app, { ownerId: owner.id });
    const url = new URL((await linkFor(owner, file.id)).url);
    const renamed = new URL(url);
    renamed.searchParams.set('t', 'text/html');
    expect((await t.http().get(local(renamed.toString()))).status).toBe(403);
    const otherKey = new URL(url);
    otherKey.searchParams.set('k', 'files/avatar/000000000000000000000000');
    expect((await t.http().get(local(otherKey.toString()))).status).toBe(403);
    const forged = new URL(url);
    const token = forged.pathname.split('/').pop()!;
    forged.pathname = forged.pathname.replace(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    const refused = await t.http().get(local(forged.toString()));
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('urn:atrium:problem:download-link-invalid');
  });

  it('refuses an expired link with 410', async () => {
    const file = await fileModel(t.app)
      .findById((await storedFile(t.app, { ownerId: owner.id })).id)
      .lean();
    const { token, query } = t.app.get(DownloadTokens).sign({
      key: file!.storageKey,
      fileName: file!.fileName,
      contentType: file!.contentType,
      expiresAt: new Date(Date.now() - 1000),
    });
    const response = await t.http().get(`/api/files/download/${token}`).query(query);
    expect(response.status).toBe(410);
    expect(response.body.type).toBe('urn:atrium:problem:download-link-expired');
  });

  it('gives the staff a link to a visitor’s file, which has no owner', async () => {
    const file = await storedFile(t.app, { ownerId: null });
    expect(file.ownerId).toBeNull();
    const response = await t.http().get(local((await linkFor(staff, file.id)).url));
    expect(response.status).toBe(200);
  });

  it('deletes the document and the stored object; a link handed out before is gone (410)', async () => {
    const file = await storedFile(t.app, { ownerId: owner.id });
    const link = await linkFor(owner, file.id);
    const before = await filesUnder(join(dataDir, 'files'));
    expect(before.some((path) => path.endsWith(file.id))).toBe(true);
    expect((await t.http().delete(`/api/files/${file.id}`).set(bearer(owner))).status).toBe(204);
    expect((await t.http().get(`/api/files/${file.id}`).set(bearer(owner))).status).toBe(404);
    expect((await filesUnder(join(dataDir, 'files'))).some((path) => path.endsWith(file.id))).toBe(false);
    expect((await t.http().get(local(link.url))).status).toBe(410);
  });

  it('erases a deleted account’s files and keeps everyone else’s', async () => {
    const leaving = await registerUser(t);
    const gone = await storedFile(t.app, { ownerId: leaving.id });
    const kept = await storedFile(t.app, { ownerId: owner.id });
    const deleted = await t.http().delete('/api/users/me').set(bearer(leaving)).send({ password: leaving.password });
    expect(deleted.status).toBe(204);
    await t.app.get(EffectsRelay).sweep();
    expect(await fileModel(t.app).countDocuments({ _id: gone.id })).toBe(0);
    expect(await fileModel(t.app).countDocuments({ _id: kept.id })).toBe(1);
    const onDisk = await filesUnder(join(dataDir, 'files'));
    expect(onDisk.some((path) => path.endsWith(gone.id))).toBe(false);
    expect(onDisk.some((path) => path.endsWith(kept.id))).toBe(true);
  });
});
