import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { OBJECT_ID_PATTERN } from '../../../core/http/object-id.pipe.js';

export const SYSTEM_ACTOR = 'system';
export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 100;

/** An exact action (`user.role-changed`) or a prefix ending in a dot (`tenant.`). */
export const ACTION_FILTER_PATTERN = '^[a-z][a-z-]{0,40}(\\.([a-z][a-z-]{0,40})?)?$';
const TARGET_TYPE_PATTERN = '^[a-z][a-z0-9-]{0,63}$';
const TARGET_ID_PATTERN = '^[A-Za-z0-9._:-]{1,128}$';

/** The filters of a tenant's log (the tenant comes from the path); each is served by an index on `auditlogs`. */
export class TenantAuditLogQueryDto {
  @ApiPropertyOptional({ description: `A user id, or "${SYSTEM_ACTOR}" for jobs and provider events`, maxLength: 24 })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(`(${OBJECT_ID_PATTERN})|^${SYSTEM_ACTOR}$`), { message: `actor must be a user id or "${SYSTEM_ACTOR}"` })
  actor?: string;

  @ApiPropertyOptional({ description: 'An exact action, or a prefix ending in a dot (tenant.)', pattern: ACTION_FILTER_PATTERN })
  @IsOptional()
  @IsString()
  @MaxLength(82)
  @Matches(new RegExp(ACTION_FILTER_PATTERN), { message: 'action must be an action name or a prefix ending in a dot' })
  action?: string;

  @ApiPropertyOptional({ pattern: TARGET_TYPE_PATTERN })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(TARGET_TYPE_PATTERN), { message: 'targetType must be lowercase letters, digits and dashes' })
  targetType?: string;

  @ApiPropertyOptional({ pattern: TARGET_ID_PATTERN })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(TARGET_ID_PATTERN), { message: 'targetId must be an id or key of at most 128 characters' })
  targetId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'At or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'At or before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'The nextCursor of the previous answer: the entries after it, newest first' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'after must be a cursor this list gave out' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: DEFAULT_AUDIT_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE)
  limit: number = DEFAULT_AUDIT_PAGE;
}

/** The staff log's filters: the tenant's, plus the tenant itself. */
export class AuditLogQueryDto extends TenantAuditLogQueryDto {
  @ApiPropertyOptional({ pattern: OBJECT_ID_PATTERN })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(OBJECT_ID_PATTERN), { message: 'tenantId must be a tenant id' })
  tenantId?: string;
}
