import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type ActorContext, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { DownloadUrlDto, FileDto } from './dto/file.dto.js';
import { UploadFileFieldsDto } from './dto/upload-file.dto.js';
import { FileAccessService } from './file-access.service.js';
import { AcceptsUpload, UploadedPart, UploadFields } from './upload.decorators.js';
import type { UploadPart } from './upload-reader.js';

/** A signed-in user's uploads; the staff may read and remove anyone's. */
@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FileAccessService) {}

  @Post()
  @Authenticated()
  @AcceptsUpload()
  @ApiOperation({
    summary: 'Upload one file for a purpose (multipart: the purpose field, then the file)',
    description:
      'The type is detected from the content (never the name or the part’s Content-Type) and must be one the purpose accepts. ' +
      'Size is limited per purpose and by UPLOAD_MAX_BYTES.',
  })
  @ApiCreatedResponse({ type: FileDto })
  @ApiProblem(400, 'No file part, or an unknown purpose')
  @ApiProblem(413, 'The file is larger than the purpose accepts; nothing was stored')
  @ApiProblem(415, 'Not multipart/form-data, or a content type the purpose does not accept')
  upload(
    @Ctx() ctx: ActorContext,
    @UploadFields(UploadFileFieldsDto) fields: UploadFileFieldsDto,
    @UploadedPart() part: UploadPart,
  ): Promise<FileDto> {
    return this.files.upload(ctx, fields.purpose, part);
  }

  @Get(':fileId')
  @Authenticated()
  @ApiOperation({ summary: 'A file’s metadata (its uploader, or staff)' })
  @ApiOkResponse({ type: FileDto })
  @ApiProblem(404, 'No such file, or not yours to see')
  get(@Ctx() ctx: RequestContext, @Param('fileId', ObjectIdPipe) fileId: string): Promise<FileDto> {
    return this.files.get(ctx, fileId);
  }

  @Get(':fileId/download-url')
  @Authenticated()
  @ApiOperation({ summary: 'A short-lived signed link to download the file (its uploader, or staff)' })
  @ApiOkResponse({ type: DownloadUrlDto })
  @ApiProblem(404, 'No such file, or not yours to see')
  downloadUrl(@Ctx() ctx: RequestContext, @Param('fileId', ObjectIdPipe) fileId: string): Promise<DownloadUrlDto> {
    return this.files.downloadUrl(ctx, fileId);
  }

  @Delete(':fileId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a file and its stored bytes (its uploader, or staff)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(404, 'No such file, or not yours to see')
  delete(@Ctx() ctx: RequestContext, @Param('fileId', ObjectIdPipe) fileId: string): Promise<void> {
    return this.files.delete(ctx, fileId);
  }
}
