import type { INestApplicationContext } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FileDto } from '../../../src/modules/files/dto/file.dto.js';
import type { FilePurpose } from '../../../src/modules/files/file-purposes.js';
import { FilesService } from '../../../src/modules/files/files.service.js';
import { StoredFile } from '../../../src/modules/files/schemas/stored-file.schema.js';

/** A real 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The first bytes of a Linux executable (ELF), padded: what a renamed binary looks like. */
export const ELF_BYTES = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
  Buffer.alloc(56),
  Buffer.alloc(4032, 0x90),
]);

/** A Windows executable's header (MZ … PE). */
export const EXE_BYTES = (() => {
  const bytes = Buffer.alloc(1024);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
})();

export const HTML_BYTES = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n');

export const fileModel = (app: INestApplicationContext) => app.get<Model<StoredFile>>(getModelToken(StoredFile.name));

/** Stores a file through the module's own service, as another module would. */
export function storedFile(
  app: INestApplicationContext,
  options: { ownerId: string | null; purpose?: FilePurpose; bytes?: Buffer; fileName?: string },
): Promise<FileDto> {
  const { ownerId, purpose = 'avatar', bytes = PNG_BYTES, fileName = 'picture.png' } = options;
  return app.get(FilesService).storeUpload(ownerId, purpose, { stream: Readable.from([bytes]), fileName });
}

/** Every regular file under a folder, recursively: what the local storage (and the upload spool) left on disk. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
