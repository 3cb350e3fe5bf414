import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { EMAIL_STATUSES, type EmailStatus } from '../email.lifecycle.js';

export class EmailQueueCountsDto {
  @ApiProperty() pending: number;
  @ApiProperty() sending: number;
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
  @ApiProperty() dead: number;
}

export class EmailQueueStatsDto {
  @ApiProperty({ type: EmailQueueCountsDto }) counts: EmailQueueCountsDto;
  @ApiProperty({ nullable: true, type: Number, description: 'Age of the oldest pending email, in seconds' })
  oldestPendingAgeSeconds: number | null;
}

export class EmailQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES }) @IsOptional() @IsIn(EMAIL_STATUSES) status?: EmailStatus;
}

/** A queued email as operators see it: where it goes and how its sending went, not its body. */
export class QueuedEmailDto {
  @ApiProperty() id: string;
  @ApiProperty() to: string;
  @ApiPropertyOptional() template?: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: EMAIL_STATUSES }) status: EmailStatus;
  @ApiProperty({ description: 'Higher goes first' }) priority: number;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time', description: 'Not sent before this time' }) nextAttemptAt: string;
  @ApiPropertyOptional() lastError?: string;
  @ApiPropertyOptional({ format: 'date-time' }) sentAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
