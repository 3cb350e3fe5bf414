import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PermissionPolicy } from '../../core/auth/permission-policy.js';
import { configSectionProvider } from '../../core/config/config-section.js';
import { StorageModule } from '../../core/storage/index.js';
import { FileAccessService } from './file-access.service.js';
import { FileDownloadController } from './file-download.controller.js';
import { FilesConfig } from './files.config.js';
import { FilesController } from './files.controller.js';
import { FILES_PERMISSIONS } from './files.permissions.js';
import { FilesService } from './files.service.js';
import { IdentityListeners } from './listeners/identity.listeners.js';
import { MultipartOnly } from './multipart-only.interceptor.js';
import { StoredFile, StoredFileSchema } from './schemas/stored-file.schema.js';

/** Uploaded files: the storage port, owned uploads and signed downloads. */
@Module({
  imports: [StorageModule, MongooseModule.forFeature([{ name: StoredFile.name, schema: StoredFileSchema }])],
  controllers: [FileDownloadController, FilesController],
  providers: [configSectionProvider(FilesConfig), FilesService, FileAccessService, MultipartOnly, IdentityListeners],
  // FilesConfig too: modules with their own upload routes (AcceptsUpload) resolve its interceptor with it.
  exports: [FilesService, FilesConfig],
})
export class FilesModule implements OnModuleInit {
  constructor(private readonly policy: PermissionPolicy) {}

  onModuleInit(): void {
    this.policy.register(FILES_PERMISSIONS);
  }
}
