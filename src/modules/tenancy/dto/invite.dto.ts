import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { INVITE_STATUSES, type InviteStatus } from '../invite.lifecycle.js';
import { TENANT_ROLES, type TenantRole } from '../tenant-roles.js';

export class CreateInviteDto {
  @ApiProperty({ maxLength: 254, example: 'new.colleague@example.com' }) @IsEmail() @MaxLength(254) email: string;
  @ApiPropertyOptional({ enum: TENANT_ROLES, default: 'member', description: 'Only owners invite owners' })
  @IsOptional()
  @IsIn(TENANT_ROLES)
  role?: TenantRole;
}

export class AcceptInviteDto {
  @ApiProperty({ description: 'The token from the invitation email', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token must be the one from the invitation email' })
  token: string;
}

export class InviteQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITE_STATUSES }) @IsOptional() @IsIn(INVITE_STATUSES) status?: InviteStatus;
}

export class InviteDto {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: TENANT_ROLES }) role: TenantRole;
  @ApiProperty({ enum: INVITE_STATUSES }) status: InviteStatus;
  @ApiProperty() invitedBy: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'How many times the invitation was emailed' }) sendCount: number;
  @ApiPropertyOptional({ format: 'date-time' }) acceptedAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AcceptedInviteDto {
  @ApiProperty() tenantId: string;
  @ApiProperty() tenantName: string;
  @ApiProperty({ enum: TENANT_ROLES }) role: TenantRole;
}
