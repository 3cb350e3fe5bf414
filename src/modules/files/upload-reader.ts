import { PayloadTooLargeException } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UploadTooLarge } from './upload-problems.js';

/** One file part of a multipart request, not yet read. */
export interface UploadPart {
  stream: Readable;
  /** The client's name for it; sanitized before it is stored. */
  fileName: string;
}

/** An upload read to its end into a private temporary file, with what was learned on the way. */
export interface SpooledUpload {
  path: string;
  size: number;
  sha256: string;
  /** Removes the temporary file; safe to call more than once. */
  discard(): Promise<void>;
}

/**
 * Reads the part into a temporary file under `dir`, counting and hashing as it goes. More than
 * `maxBytes` stops the read with 413 and removes what was written: nothing half-read stays on disk.
 */
export async function spoolUpload(part: UploadPart, maxBytes: number, dir: string): Promise<SpooledUpload> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomBytes(12).toString('hex')}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new UploadTooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.stream, meter, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await rm(path, { force: true });
    // The multipart parser's own limit ends the stream with Nest's 413; the answer is the same problem either way.
    if (error instanceof PayloadTooLargeException) throw new UploadTooLarge(maxBytes);
    throw error;
  }
  return { path, size, sha256: hash.digest('hex'), discard: () => rm(path, { force: true }) };
}
