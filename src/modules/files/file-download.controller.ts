import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { attachmentDisposition, DOWNLOAD_TOKEN_PATTERN } from '../../core/storage/index.js';
import { DownloadQueryDto } from './dto/download-query.dto.js';
import { FileAccessService } from './file-access.service.js';

/** Where the local storage's signed links lead: the link is the credential, so the route is public. */
@ApiTags('files')
@Controller('files/download')
export class FileDownloadController {
  constructor(private readonly files: FileAccessService) {}

  @Get(':token')
  @Public()
  @RateLimit('public')
  @ApiOperation({
    summary: 'Download a file through a signed link from GET /api/files/{fileId}/download-url',
    description: 'Always an attachment, never rendered inline, with the type detected at upload and nosniff.',
  })
  @ApiParam({ name: 'token', schema: { type: 'string', pattern: DOWNLOAD_TOKEN_PATTERN } })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file’s bytes',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblem(403, 'The link was altered or is not one of ours')
  @ApiProblem(410, 'The link has expired, or its file was deleted')
  async download(
    @Ctx() ctx: RequestContext,
    @Param('token') token: string,
    @Query() query: DownloadQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { grant, body } = await this.files.download(ctx, token, query);
    await reply
      .header('Content-Type', grant.contentType)
      .header('Content-Disposition', attachmentDisposition(grant.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(body);
  }
}
