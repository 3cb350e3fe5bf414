import { ApiProperty } from '@nestjs/swagger';
import { FILE_PURPOSES, type FilePurpose } from '../file-purposes.js';

/** A stored file's metadata; the bytes are fetched through a download link. */
export class FileDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: uploaded by a visitor without an account' }) ownerId: string | null;
  @ApiProperty({ enum: FILE_PURPOSES }) purpose: FilePurpose;
  @ApiProperty({ description: 'The client’s name for it, sanitized' }) fileName: string;
  @ApiProperty({ description: 'Detected from the content, never taken from the client' }) contentType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DownloadUrlDto {
  @ApiProperty({ description: 'Signed; anyone holding it may download the file until it expires' }) url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
