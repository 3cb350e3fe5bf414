import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import type { ActorContext, RequestContext } from '../../core/auth/request-context.js';
import {
  DownloadLinkExpired,
  DownloadTokens,
  FILE_STORAGE,
  StoredObjectMissing,
  type DownloadGrant,
  type FileStorage,
} from '../../core/storage/index.js';
import type { DownloadQueryDto } from './dto/download-query.dto.js';
import type { DownloadUrlDto, FileDto } from './dto/file.dto.js';
import { toFileDto } from './file.mapper.js';
import type { FilePurpose } from './file-purposes.js';
import { FilesService } from './files.service.js';
import type { StoredFile } from './schemas/stored-file.schema.js';
import type { UploadPart } from './upload-reader.js';

/** The files routes: the caller's own uploads (and, for the staff, anyone's), each asking the policy first. */
@Injectable()
export class FileAccessService {
  constructor(
    private readonly policy: PermissionPolicy,
    private readonly files: FilesService,
    private readonly tokens: DownloadTokens,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  upload(ctx: ActorContext, purpose: FilePurpose, part: UploadPart): Promise<FileDto> {
    this.policy.require(ctx, 'file.upload');
    return this.files.storeUpload(ctx.actor.id, purpose, part);
  }

  async get(ctx: RequestContext, fileId: string): Promise<FileDto> {
    return toFileDto(await this.loadFor(ctx, fileId, 'file.read'));
  }

  async downloadUrl(ctx: RequestContext, fileId: string): Promise<DownloadUrlDto> {
    return this.files.linkTo(await this.loadFor(ctx, fileId, 'file.read'));
  }

  async delete(ctx: RequestContext, fileId: string): Promise<void> {
    await this.loadFor(ctx, fileId, 'file.delete');
    await this.files.remove(fileId);
  }

  /** What a signed link grants, with the object's bytes; a link that outlived its file is gone (410). */
  async download(ctx: RequestContext, token: string, query: DownloadQueryDto): Promise<{ grant: DownloadGrant; body: Readable }> {
    this.policy.require(ctx, 'file.download-link');
    const grant = this.tokens.verify(token, query);
    try {
      return { grant, body: await this.storage.get(grant.key) };
    } catch (error) {
      if (error instanceof StoredObjectMissing) throw new DownloadLinkExpired();
      throw error;
    }
  }

  private async loadFor(ctx: RequestContext, fileId: string, permission: 'file.read' | 'file.delete'): Promise<StoredFile> {
    const file = await this.files.find(fileId);
    this.policy.requireOn(ctx, permission, file ? { ownerId: file.ownerId } : {}, 'file');
    if (!file) throw new NotFoundException('No such file.');
    return file;
  }
}
