import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsISO8601, IsMongoId, IsOptional, IsString, IsTimeZone, Max, Min } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { ExactlyOneOf } from '../../../core/http/exactly-one-of.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { MAX_NOTES_LENGTH, MAX_REASON_LENGTH } from '../schemas/learning-session.schema.js';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from '../session-rules.js';
import { SESSION_STATUSES, type SessionStatus } from '../session.lifecycle.js';

// Only a string becomes a Date: a number or `false` would otherwise turn into 1970 and pass.
/** Ids compared as strings (self-booking, skill lookup, calendar lock order) must be in one case. */
const toLowerId = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);
/** An ISO 8601 date-time with its zone (`Z` or an offset): a bare date or a local time would be read in the server's zone. */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const toDate = ({ value }: { value: unknown }) => (typeof value === 'string' && ZONED_DATE_TIME.test(value) ? new Date(value) : value);

/** A slot: its start, and its end or its length (the bookings' and the reschedules' shared fields). */
class SessionSlotDto {
  @ApiProperty({ format: 'date-time', description: 'In the future' })
  @Transform(toDate)
  @IsDate({ message: 'startTime must be an ISO 8601 date-time' })
  startTime: Date;
  @ApiPropertyOptional({ format: 'date-time', description: `${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES} minutes after the start` })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'endTime must be an ISO 8601 date-time' })
  endTime?: Date;
  @ApiPropertyOptional({ minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES })
  @IsOptional()
  @IsInt()
  @Min(MIN_DURATION_MINUTES)
  @Max(MAX_DURATION_MINUTES)
  durationMinutes?: number;
}

/** A learner books a teacher for a skill: give the end or the duration, not both. */
@ExactlyOneOf('endTime', 'durationMinutes')
export class BookSessionDto extends SessionSlotDto {
  @ApiProperty({ description: 'The teacher, who must teach the skill' }) @Transform(toLowerId) @IsMongoId() teacherId: string;
  @ApiProperty({ description: 'An active skill' }) @Transform(toLowerId) @IsMongoId() skillId: string;
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone the learner reads times in' }) @IsTimeZone() timezone: string;
  @ApiPropertyOptional({ maxLength: MAX_NOTES_LENGTH }) @IsOptional() @IsString() @MaxLength(MAX_NOTES_LENGTH) notes?: string;
}

/** A new slot for a scheduled session; without an end or a duration it keeps its length. */
export class RescheduleSessionDto extends SessionSlotDto {
  @ApiPropertyOptional({ maxLength: MAX_REASON_LENGTH }) @IsOptional() @IsString() @MaxLength(MAX_REASON_LENGTH) reason?: string;
}

export class CancelSessionDto {
  @ApiPropertyOptional({ maxLength: MAX_REASON_LENGTH, description: 'Told to the other participant' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  reason?: string;
}

export const SESSION_ROLES = ['teacher', 'learner'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

export class SessionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SESSION_STATUSES }) @IsOptional() @IsIn(SESSION_STATUSES) status?: SessionStatus;
  @ApiPropertyOptional({ enum: SESSION_ROLES, description: 'Only sessions the caller teaches, or only those they learn in' })
  @IsOptional()
  @IsIn(SESSION_ROLES)
  role?: SessionRole;
  @ApiPropertyOptional({ format: 'date-time', description: 'Starting at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Starting at or before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** The caller's own sessions by role, soonest first. */
export class SessionRoleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SESSION_ROLES }) @IsOptional() @IsIn(SESSION_ROLES) role?: SessionRole;
}

export const STATISTICS_SCOPES = ['mine', 'all'] as const;
export type StatisticsScope = (typeof STATISTICS_SCOPES)[number];

export class SessionStatisticsQueryDto {
  @ApiPropertyOptional({ enum: STATISTICS_SCOPES, default: 'mine', description: '`all` (staff only): every session' })
  @IsOptional()
  @IsIn(STATISTICS_SCOPES)
  scope: StatisticsScope = 'mine';
}
