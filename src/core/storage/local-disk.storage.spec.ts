import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DownloadTokens } from './download-token.js';
import { StoredObjectMissing } from './file-storage.js';
import { LocalDiskStorage } from './local-disk.storage.js';

describe('the local disk storage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  const tokens = new DownloadTokens('a-secret-that-is-long-enough-for-tests-0123');

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'atrium-storage-'));
    storage = new LocalDiskStorage(root, tokens, 'https://api.example.com');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores, reads back and deletes an object; deleting again is fine', async () => {
    await storage.put('files/resume/a1', Readable.from([Buffer.from('hello '), Buffer.from('world')]), {
      contentType: 'text/plain',
      size: 11,
    });
    expect(await text(await storage.get('files/resume/a1'))).toBe('hello world');
    await storage.delete('files/resume/a1');
    await storage.delete('files/resume/a1');
    await expect(storage.get('files/resume/a1')).rejects.toBeInstanceOf(StoredObjectMissing);
  });

  it('leaves nothing behind when a write fails half-way', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(storage.put('files/resume/a2', failing, { contentType: 'text/plain', size: 100 })).rejects.toThrow('connection reset');
    await expect(storage.put('files/resume/a3', Buffer.from('short'), { contentType: 'text/plain', size: 100 })).rejects.toThrow();
    expect(await readdir(join(root, 'files', 'resume'))).toEqual([]);
  });

  it('refuses keys that would leave its folder', async () => {
    for (const key of ['../outside', 'files/../../etc/passwd', '/etc/passwd', 'files//x', 'files/.hidden']) {
      await expect(storage.put(key, Buffer.from('x'), { contentType: 'text/plain', size: 1 })).rejects.toThrow('Invalid storage key');
    }
  });

  it('signs links to its own download route that the tokens verify', async () => {
    const url = new URL(
      await storage.signedDownloadUrl('files/resume/a1', { ttlSeconds: 60, fileName: 'cv.txt', contentType: 'text/plain' }),
    );
    expect(url.origin).toBe('https://api.example.com');
    expect(url.pathname).toMatch(/^\/api\/files\/download\/[0-9a-z]+\.[\w-]{43}$/);
    const grant = tokens.verify(
      url.pathname.split('/').pop()!,
      Object.fromEntries(url.searchParams) as { k: string; n: string; t: string },
    );
    expect(grant).toMatchObject({ key: 'files/resume/a1', fileName: 'cv.txt', contentType: 'text/plain' });
  });
});
