import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { EmailQueueQueryDto, EmailQueueStatsDto, QueuedEmailDto } from './dto/email-queue.dto.js';
import { EmailQueueAdminService } from './email-queue-admin.service.js';

const QueuedEmailPage = PageOf(QueuedEmailDto);

@ApiTags('admin')
@Controller('admin/email-queue')
export class EmailQueueController {
  constructor(private readonly admin: EmailQueueAdminService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Email queue: counts by status and the oldest pending age (admin)' })
  @ApiOkResponse({ type: EmailQueueStatsDto })
  stats(@Ctx() ctx: RequestContext): Promise<EmailQueueStatsDto> {
    return this.admin.stats(ctx);
  }

  @Get('emails')
  @Roles('admin')
  @ApiOperation({ summary: 'Queued emails, newest first, by status (admin): find the dead ones to retry' })
  @ApiOkResponse({ type: QueuedEmailPage })
  list(@Ctx() ctx: RequestContext, @Query() query: EmailQueueQueryDto): Promise<Page<QueuedEmailDto>> {
    return this.admin.list(ctx, query);
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send a dead email again (admin)' })
  @ApiOkResponse({ type: QueuedEmailDto })
  @ApiProblem(409, 'Only dead emails are retried')
  retry(@Ctx() ctx: RequestContext, @Param('id', ObjectIdPipe) id: string): Promise<QueuedEmailDto> {
    return this.admin.retry(ctx, id);
  }
}
