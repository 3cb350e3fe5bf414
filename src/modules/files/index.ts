/** The public surface of files: the module, its service's type, and what other modules need for their own upload routes. */
export { FilesModule } from './files.module.js';
export { FilesService } from './files.service.js';
export type { DownloadUrlDto, FileDto } from './dto/file.dto.js';
export { FILE_PURPOSES, PURPOSE_RULES, type FilePurpose } from './file-purposes.js';
export { AcceptsUpload, UPLOAD_FIELD, UploadedPart, UploadFields } from './upload.decorators.js';
export type { UploadPart } from './upload-reader.js';
