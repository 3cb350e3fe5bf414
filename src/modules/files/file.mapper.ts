import type { FileDto } from './dto/file.dto.js';
import type { StoredFile } from './schemas/stored-file.schema.js';

export function toFileDto(file: StoredFile): FileDto {
  return {
    id: file._id.toString(),
    ownerId: file.ownerId?.toString() ?? null,
    purpose: file.purpose,
    fileName: file.fileName,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    createdAt: file.createdAt.toISOString(),
  };
}
