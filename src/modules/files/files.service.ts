import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { AppConfig } from '../../core/config/app-config.js';
import { isObjectId } from '../../core/http/object-id.pipe.js';
import { FILE_STORAGE, type FileStorage } from '../../core/storage/index.js';
import { judgeContentType } from './content-type.js';
import type { DownloadUrlDto, FileDto } from './dto/file.dto.js';
import { toFileDto } from './file.mapper.js';
import { sanitizeFileName } from './file-name.js';
import { maxBytesFor, PURPOSE_RULES, type FilePurpose } from './file-purposes.js';
import { FilesConfig } from './files.config.js';
import { StoredFile } from './schemas/stored-file.schema.js';
import { UnsupportedFileType } from './upload-problems.js';
import { spoolUpload, type UploadPart } from './upload-reader.js';

/**
 * Files as other modules use them. These methods check no caller: the module calling them decided who
 * may (careers stores a visitor's resume with no owner); the files routes ask the policy first.
 */
@Injectable()
export class FilesService {
  private readonly spoolDir: string;

  constructor(
    @InjectModel(StoredFile.name) private readonly files: Model<StoredFile>,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly config: FilesConfig,
    app: AppConfig,
  ) {
    this.spoolDir = resolve(app.get('DATA_DIR'), 'uploads-incoming');
  }

  /**
   * Reads the part to its end (413 over the purpose's limit), judges its type from the bytes (415 when the
   * purpose does not take it), then stores the object and its document. A failure at any step leaves neither.
   */
  async storeUpload(ownerId: string | null, purpose: FilePurpose, part: UploadPart): Promise<FileDto> {
    const spooled = await spoolUpload(part, maxBytesFor(purpose, this.config.UPLOAD_MAX_BYTES), this.spoolDir);
    try {
      const verdict = await judgeContentType(spooled.path, spooled.size, purpose);
      if (!verdict.accepted) throw new UnsupportedFileType(purpose, PURPOSE_RULES[purpose].types, verdict.detected);
      const id = new Types.ObjectId();
      const storageKey = `files/${purpose}/${id.toString()}`;
      await this.storage.put(storageKey, createReadStream(spooled.path), { contentType: verdict.contentType, size: spooled.size });
      try {
        const created = await this.files.create({
          _id: id,
          ownerId: ownerId ? new Types.ObjectId(ownerId) : undefined,
          purpose,
          storageKey,
          fileName: sanitizeFileName(part.fileName),
          contentType: verdict.contentType,
          size: spooled.size,
          sha256: spooled.sha256,
        });
        return toFileDto(created.toObject());
      } catch (error) {
        await this.storage.delete(storageKey);
        throw error;
      }
    } finally {
      await spooled.discard();
    }
  }

  /** The file's metadata; 404 when there is none. */
  async describe(fileId: string): Promise<FileDto> {
    return toFileDto(await this.load(fileId));
  }

  /** A signed link valid for FILE_URL_TTL_SECONDS; 404 when there is no such file. */
  async downloadUrlFor(fileId: string): Promise<DownloadUrlDto> {
    return this.linkTo(await this.load(fileId));
  }

  /** Removes the object, then the document, so a retry after a failure finishes the job. Absent is fine. */
  async remove(fileId: string): Promise<void> {
    const file = isObjectId(fileId) ? await this.files.findById(fileId, { storageKey: 1 }).lean<StoredFile>() : null;
    if (file) await this.erase(file);
  }

  /** The file, when it exists, was uploaded by this user and (if given) for this purpose; else 404. */
  async assertOwnedBy(fileId: string, userId: string, purpose?: FilePurpose): Promise<FileDto> {
    const file = await this.find(fileId);
    const owned = file?.ownerId?.toString() === userId && (purpose === undefined || file.purpose === purpose);
    if (!file || !owned) throw new NotFoundException('No such file.');
    return toFileDto(file);
  }

  /** Every file a user uploaded, objects and documents; idempotent. */
  async eraseOwner(userId: string): Promise<number> {
    let erased = 0;
    for await (const file of this.files
      .find({ ownerId: new Types.ObjectId(userId) }, { storageKey: 1 })
      .lean<StoredFile>()
      .cursor()) {
      await this.erase(file);
      erased += 1;
    }
    return erased;
  }

  /** Loaded for the routes, which ask the policy with it (undefined: no such file). */
  find(fileId: string): Promise<StoredFile | null> {
    return isObjectId(fileId) ? this.files.findById(fileId).lean<StoredFile>() : Promise.resolve(null);
  }

  async linkTo(file: StoredFile): Promise<DownloadUrlDto> {
    const ttlSeconds = this.config.FILE_URL_TTL_SECONDS;
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const url = await this.storage.signedDownloadUrl(file.storageKey, {
      ttlSeconds,
      fileName: file.fileName,
      contentType: file.contentType,
    });
    return { url, expiresAt: expiresAt.toISOString() };
  }

  private async load(fileId: string): Promise<StoredFile> {
    const file = await this.find(fileId);
    if (!file) throw new NotFoundException('No such file.');
    return file;
  }

  private async erase(file: Pick<StoredFile, '_id' | 'storageKey'>): Promise<void> {
    await this.storage.delete(file.storageKey);
    await this.files.deleteOne({ _id: file._id });
  }
}
