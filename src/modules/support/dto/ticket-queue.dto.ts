import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { TICKET_STATUSES, type TicketStatus } from '../ticket.lifecycle.js';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type TicketCategory, type TicketPriority } from '../ticket-fields.js';

export const UNASSIGNED = 'unassigned';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The staff queue's filters; every one is backed by an index on `supporttickets`. */
export class TicketQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES }) @IsOptional() @IsIn(TICKET_STATUSES) status?: TicketStatus;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES }) @IsOptional() @IsIn(TICKET_PRIORITIES) priority?: TicketPriority;
  @ApiPropertyOptional({ enum: TICKET_CATEGORIES }) @IsOptional() @IsIn(TICKET_CATEGORIES) category?: TicketCategory;

  @ApiPropertyOptional({ description: `An assignee's user id, or "${UNASSIGNED}"`, pattern: `^([0-9a-fA-F]{24}|${UNASSIGNED})$` })
  @IsOptional()
  @Matches(new RegExp(`^([0-9a-fA-F]{24}|${UNASSIGNED})$`), { message: `assignee must be a user id or "${UNASSIGNED}"` })
  assignee?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only tickets past their SLA due time and not yet resolved or closed' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdTo?: string;
}
