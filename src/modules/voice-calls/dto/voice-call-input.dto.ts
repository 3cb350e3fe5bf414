import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsMongoId, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { CALL_DIRECTIONS, type CallDirection } from '../schemas/voice-call.schema.js';
import { CALL_STATUSES, type CallStatus } from '../voice-calls.events.js';

const OBJECT_ID = { pattern: '^[0-9a-fA-F]{24}$', example: '665f1c2e9b1d8a0012345678' } as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class PlaceVoiceCallDto {
  @ApiProperty({ ...OBJECT_ID, description: 'An active agent of the tenant' }) @IsMongoId() agentId: string;
  @ApiProperty({ ...OBJECT_ID, description: 'A lead of the tenant' }) @IsMongoId() leadId: string;
}

/** The call list's filters; each is served by an index on voice_calls. */
export class VoiceCallQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CALL_STATUSES }) @IsOptional() @IsIn(CALL_STATUSES) status?: CallStatus;
  @ApiPropertyOptional({ enum: CALL_DIRECTIONS }) @IsOptional() @IsIn(CALL_DIRECTIONS) direction?: CallDirection;
  @ApiPropertyOptional(OBJECT_ID) @IsOptional() @IsMongoId() agentId?: string;
  @ApiPropertyOptional(OBJECT_ID) @IsOptional() @IsMongoId() leadId?: string;
  @ApiPropertyOptional(OBJECT_ID) @IsOptional() @IsMongoId() batchId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class LeadCallsQueryDto extends PageQueryDto {}

export class VoiceUsageQueryDto {
  @ApiPropertyOptional({ pattern: MONTH.source, example: '2026-01', description: 'First month (UTC), default: 11 months before `to`' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ pattern: MONTH.source, example: '2026-12', description: 'Last month (UTC), default: the current month' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to?: string;
}
