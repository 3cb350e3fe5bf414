import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { CONTACT_TOPICS, TRIAGE_ACTIONS, type ContactTopic, type TriageAction } from '../contact-fields.js';
import { CONTACT_STATUSES, type ContactStatus } from '../contact-message.lifecycle.js';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type TicketCategory, type TicketPriority } from '../ticket-fields.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

// Trimmed before it is measured: a value of spaces alone is empty, which the document says as "has a non-space".
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateContactMessageDto {
  @ApiProperty({ maxLength: 200 }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(200) @NotBlank() name: string;
  @ApiProperty({ format: 'email', maxLength: 254 }) @Transform(trimmed) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ maxLength: 200 }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(200) @NotBlank() subject: string;
  @ApiProperty({ maxLength: 10_000 }) @IsString() @MinLength(1) @MaxLength(10_000) @NotBlank() message: string;
  @ApiPropertyOptional({ enum: CONTACT_TOPICS, default: 'general' }) @IsOptional() @IsIn(CONTACT_TOPICS) topic?: ContactTopic;
}

export class ContactReceivedDto {
  @ApiProperty({ enum: ['received'] }) status: 'received';
}

export class ContactMessageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONTACT_STATUSES }) @IsOptional() @IsIn(CONTACT_STATUSES) status?: ContactStatus;
}

export class TriageContactMessageDto {
  @ApiProperty({ enum: TRIAGE_ACTIONS, description: 'triage: looked at, decision pending; convert: open a ticket for the sender' })
  @IsIn(TRIAGE_ACTIONS)
  action: TriageAction;
  @ApiPropertyOptional({ enum: TICKET_CATEGORIES, default: 'other', description: 'The ticket’s category on convert' })
  @IsOptional()
  @IsIn(TICKET_CATEGORIES)
  category?: TicketCategory;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal', description: 'The ticket’s priority on convert' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;
  @ApiPropertyOptional({ maxLength: 500, description: 'Kept in the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ContactMessageDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() subject: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: CONTACT_TOPICS }) topic: ContactTopic;
  @ApiProperty({ enum: CONTACT_STATUSES }) status: ContactStatus;
  @ApiPropertyOptional({ description: 'The signed-in sender, if any' }) userId?: string;
  @ApiPropertyOptional() ip?: string;
  @ApiPropertyOptional() userAgent?: string;
  @ApiPropertyOptional({ description: 'The ticket it was converted into' }) ticketId?: string;
  @ApiPropertyOptional() triagedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) triagedAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
