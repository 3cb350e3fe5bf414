import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DownloadTokens } from './download-token.js';
import { assertStorageKey, StoredObjectMissing, type FileStorage, type SignedDownloadOptions } from './file-storage.js';

/** The route that serves the local adapter's signed links (the files module's download controller). */
export const LOCAL_DOWNLOAD_PATH = '/api/files/download';

/**
 * The embedded adapter: objects are files under a root folder (DATA_DIR/files), written to a temporary
 * name and renamed into place, so a failed or interrupted write never leaves a partial object. Its signed
 * links point at our own download route.
 */
export class LocalDiskStorage implements FileStorage {
  private readonly root: string;

  constructor(
    root: string,
    private readonly tokens: DownloadTokens,
    private readonly publicBaseUrl: string,
  ) {
    this.root = resolve(root);
  }

  async put(key: string, body: Buffer | Readable, { size }: { contentType: string; size: number }): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(partial, { flags: 'wx' }));
      const written = (await stat(partial)).size;
      if (written !== size) throw new Error(`Stored ${written} bytes of ${key}, expected ${size}.`);
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    // Opened before it is handed out, so a missing object is a rejection here rather than a stream error later.
    const exists = await stat(path).then(
      (found) => found.isFile(),
      () => false,
    );
    if (!exists) throw new StoredObjectMissing(key);
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async signedDownloadUrl(key: string, { ttlSeconds, fileName, contentType }: SignedDownloadOptions): Promise<string> {
    assertStorageKey(key);
    const { token, query } = this.tokens.sign({ key, fileName, contentType, expiresAt: new Date(Date.now() + ttlSeconds * 1000) });
    const url = new URL(`${LOCAL_DOWNLOAD_PATH}/${token}`, this.publicBaseUrl);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.toString();
  }

  /** Where a key lives on disk; every key is checked first, so none escapes the root. */
  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.root, ...key.split('/'));
  }
}
