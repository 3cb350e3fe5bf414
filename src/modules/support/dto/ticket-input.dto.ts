import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsMongoId, IsOptional, IsString, Max, Min } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { TICKET_STATUSES, type TicketStatus } from '../ticket.lifecycle.js';
import {
  MAX_ATTACHMENTS,
  MAX_URL_LENGTH,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  type TicketCategory,
  type TicketPriority,
} from '../ticket-fields.js';
import { HttpsUrl } from '../../../core/net/index.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

const attachmentsDoc = {
  type: String,
  isArray: true,
  maxItems: MAX_ATTACHMENTS,
  format: 'uri',
  maxLength: MAX_URL_LENGTH,
  description: `Up to ${MAX_ATTACHMENTS} https links to files already uploaded elsewhere`,
  example: ['https://files.example.com/screenshot.png'],
} as const;

export class CreateTicketDto {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Invoice shows the wrong company name' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  @NotBlank()
  subject: string;

  @ApiProperty({ enum: TICKET_CATEGORIES }) @IsIn(TICKET_CATEGORIES) category: TicketCategory;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal' }) @IsOptional() @IsIn(TICKET_PRIORITIES) priority?: TicketPriority;

  @ApiProperty({ minLength: 1, maxLength: 10_000, description: 'The first message' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  @NotBlank()
  message: string;

  @ApiPropertyOptional(attachmentsDoc) @IsOptional() @IsArray() @ArrayMaxSize(MAX_ATTACHMENTS) @HttpsUrl(true) attachments?: string[];
}

export class ReplyDto {
  @ApiProperty({ minLength: 1, maxLength: 10_000 }) @IsString() @MinLength(1) @MaxLength(10_000) @NotBlank() body: string;
  @ApiPropertyOptional(attachmentsDoc) @IsOptional() @IsArray() @ArrayMaxSize(MAX_ATTACHMENTS) @HttpsUrl(true) attachments?: string[];
}

export class NoteDto {
  @ApiProperty({ minLength: 1, maxLength: 10_000 }) @IsString() @MinLength(1) @MaxLength(10_000) @NotBlank() body: string;
}

export class AssignTicketDto {
  @ApiProperty({ description: 'A staff or admin user' }) @IsMongoId() assigneeId: string;
}

export class TransitionTicketDto {
  @ApiProperty({ enum: TICKET_STATUSES }) @IsIn(TICKET_STATUSES) to: TicketStatus;
  @ApiPropertyOptional({ maxLength: 500, description: 'Kept in the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
  @ApiPropertyOptional({ maxLength: 5000, description: 'What solved it; kept when moving to resolved' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  resolutionSummary?: string;
}

export class ReopenTicketDto {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class RatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating: number;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}
