import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_STATUSES, type TicketStatus } from '../ticket.lifecycle.js';
import {
  AUTHOR_ROLES,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  type AuthorRole,
  type TicketCategory,
  type TicketPriority,
} from '../ticket-fields.js';

export class TicketMessageDto {
  @ApiProperty() id: string;
  @ApiPropertyOptional() authorId?: string;
  @ApiProperty({ enum: AUTHOR_ROLES }) authorRole: AuthorRole;
  @ApiPropertyOptional() authorName?: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: [String] }) attachments: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Staff only. */
export class TicketNoteDto {
  @ApiProperty() id: string;
  @ApiProperty() authorId: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TicketSlaDto {
  @ApiProperty({ format: 'date-time' }) firstResponseDueAt: string;
  @ApiProperty({ format: 'date-time' }) resolutionDueAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) firstRespondedAt?: string;
  @ApiPropertyOptional({ description: 'Seconds from creation to the first staff reply' }) firstResponseSeconds?: number;
  @ApiProperty({ description: 'Past its next due time and not yet resolved or closed' }) overdue: boolean;
}

export class TicketSatisfactionDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiPropertyOptional() comment?: string;
  @ApiProperty({ format: 'date-time' }) ratedAt: string;
}

/** Staff only: the audit trail of status changes. */
export class TicketHistoryDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, nullable: true }) from: TicketStatus | null;
  @ApiProperty({ enum: TICKET_STATUSES }) to: TicketStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() source: string;
  @ApiPropertyOptional() actorId?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null when the move gave none' }) reason?: string | null;
}

export class TicketSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'TKT-2026-000123' }) ticketNumber: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: TICKET_CATEGORIES }) category: TicketCategory;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority: TicketPriority;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiPropertyOptional() requesterId?: string;
  @ApiProperty() requesterEmail: string;
  @ApiPropertyOptional() assigneeId?: string;
  @ApiProperty() messageCount: number;
  @ApiPropertyOptional({ format: 'date-time' }) lastMessageAt?: string;
  @ApiProperty({ type: TicketSlaDto }) sla: TicketSlaDto;
  @ApiPropertyOptional({ format: 'date-time' }) resolvedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional({ type: TicketSatisfactionDto }) satisfaction?: TicketSatisfactionDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TicketDto extends TicketSummaryDto {
  @ApiProperty({ type: [TicketMessageDto] }) messages: TicketMessageDto[];
  @ApiPropertyOptional() resolutionSummary?: string;
  @ApiPropertyOptional({ description: 'The contact message it was opened from (staff only)' }) contactMessageId?: string;
  @ApiPropertyOptional({ type: [TicketNoteDto], description: 'Internal notes (staff only)' }) notes?: TicketNoteDto[];
  @ApiPropertyOptional({ type: [TicketHistoryDto], description: 'Status changes (staff only)' }) history?: TicketHistoryDto[];
}
