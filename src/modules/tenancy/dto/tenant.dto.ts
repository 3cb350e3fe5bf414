import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TENANT_ROLES, type TenantRole } from '../tenant-roles.js';

export class TenantSettingsViewDto {
  @ApiPropertyOptional() timezone?: string;
  @ApiPropertyOptional() locale?: string;
  @ApiPropertyOptional() brandColor?: string;
  @ApiPropertyOptional() logoUrl?: string;
}

export class TenantDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ example: 'free' }) planKey: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: TenantSettingsViewDto }) settings: TenantSettingsViewDto;
  @ApiProperty() memberCount: number;
  @ApiProperty() createdBy: string;
  @ApiPropertyOptional({ enum: TENANT_ROLES, description: 'The caller’s role here; absent for staff who are not members' })
  role?: TenantRole;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** One of my tenants, with my role in it. */
export class MyTenantDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() planKey: string;
  @ApiProperty({ enum: TENANT_ROLES }) role: TenantRole;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
}
