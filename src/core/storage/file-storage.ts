import type { Readable } from 'node:stream';

/** The storage port: objects by key, wherever they live. Callers inject FILE_STORAGE and never know which adapter answers. */
export interface FileStorage {
  /** Writes the whole object or nothing: a failed write leaves no partial object behind. */
  put(key: string, body: Buffer | Readable, options: { contentType: string; size: number }): Promise<void>;
  /** The object's bytes; rejects with StoredObjectMissing when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** A short-lived URL anyone holding it may download the object from, as an attachment with this name and type. */
  signedDownloadUrl(key: string, options: SignedDownloadOptions): Promise<string>;
}

export interface SignedDownloadOptions {
  ttlSeconds: number;
  fileName: string;
  contentType: string;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** No object under the key: the caller answers 404 (or 410 when a link outlived its object). */
export class StoredObjectMissing extends Error {
  constructor(readonly key: string) {
    super(`No stored object under ${key}.`);
  }
}

/** Keys are relative paths of safe segments, so no adapter can be steered outside its root or bucket. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,7}$/;

export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error(`Invalid storage key: ${key.slice(0, 80)}`);
  }
}
