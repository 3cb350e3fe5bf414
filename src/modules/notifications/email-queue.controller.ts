import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/access.decorators.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { EmailQueueService } from './email/email-queue.service.js';
import { EMAIL_STATUSES, type EmailStatus } from './schemas/email-queue.schema.js';

class EmailQueueCountsDto {
  @ApiProperty() pending: number;
  @ApiProperty() sending: number;
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
  @ApiProperty() dead: number;
}

class EmailQueueStatsDto {
  @ApiProperty({ type: EmailQueueCountsDto }) counts: EmailQueueCountsDto;
  @ApiProperty({ nullable: true, type: Number, description: 'Age of the oldest pending email, in seconds' }) oldestPendingAgeSeconds:
    number | null;
}

class RetriedEmailDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: EMAIL_STATUSES }) status: EmailStatus;
}

@ApiTags('admin')
@Controller('admin/email-queue')
export class EmailQueueController {
  constructor(private readonly queue: EmailQueueService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Email queue: counts by status and the oldest pending age (admin)' })
  @ApiOkResponse({ type: EmailQueueStatsDto })
  stats(): Promise<EmailQueueStatsDto> {
    return this.queue.stats();
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send a dead email again (admin)' })
  @ApiOkResponse({ type: RetriedEmailDto })
  @ApiProblem(409, 'Only dead emails are retried')
  async retry(@Param('id', ObjectIdPipe) id: string): Promise<RetriedEmailDto> {
    const email = await this.queue.retry(id);
    return { id: email._id.toString(), status: email.status };
  }
}
