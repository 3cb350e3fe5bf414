import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTIONS, type AuditAction } from '../audit-actions.js';
import { AUDIT_ACTOR_ROLES, type AuditActorRole } from '../schemas/audit-log.schema.js';

export class AuditActorDto {
  @ApiPropertyOptional({ description: 'The user; absent for the system' }) id?: string;
  @ApiProperty({ enum: AUDIT_ACTOR_ROLES, description: 'Their role when they acted, or system (jobs, provider events)' })
  role: AuditActorRole;
}

/** One entry of the audit log. */
export class AuditLogEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: AuditActorDto }) actor: AuditActorDto;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: AuditAction;
  @ApiProperty({ example: 'user' }) targetType: string;
  @ApiProperty() targetId: string;
  @ApiPropertyOptional() tenantId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The changed fields as they were; secrets redacted' })
  before?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The changed fields as they became; secrets redacted' })
  after?: Record<string, unknown>;
  @ApiProperty({ type: String, isArray: true, description: 'Dotted paths of the fields that changed' }) changedFields: string[];
  @ApiProperty({ description: 'Values were shortened or left out to keep the entry small' }) truncated: boolean;
  @ApiPropertyOptional({ description: 'Client address (not shown to tenants for staff and system actions)' }) ip?: string;
  @ApiPropertyOptional() userAgent?: string;
  @ApiProperty() requestId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Entries newest first; `nextCursor` continues after the last one (null at the end). */
export class AuditLogFeedDto {
  @ApiProperty({ type: AuditLogEntryDto, isArray: true }) items: AuditLogEntryDto[];
  @ApiProperty() limit: number;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next entries; null at the end' })
  nextCursor: string | null;
}
