import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsMongoId, IsOptional } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { ExactlyOneOf } from '../../../core/http/exactly-one-of.js';
import { TENANT_ROLES, type TenantRole } from '../tenant-roles.js';

@ExactlyOneOf('userId', 'email')
export class AddMemberDto {
  @ApiPropertyOptional({ description: 'An existing user (give this or email)' }) @IsOptional() @IsMongoId() userId?: string;

  @ApiPropertyOptional({ maxLength: 254, description: 'The address of an existing account (give this or userId); invite anyone else' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: TENANT_ROLES, default: 'member' }) @IsOptional() @IsIn(TENANT_ROLES) role?: TenantRole;
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: TENANT_ROLES }) @IsIn(TENANT_ROLES) role: TenantRole;
}

export class TransferOwnershipDto {
  @ApiProperty({ description: 'A member who becomes owner; the caller stays on as admin' }) @IsMongoId() userId: string;
}

export class MemberQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TENANT_ROLES }) @IsOptional() @IsIn(TENANT_ROLES) role?: TenantRole;
}

export class MemberDto {
  @ApiProperty() userId: string;
  @ApiProperty() tenantId: string;
  @ApiProperty({ enum: TENANT_ROLES }) role: TenantRole;
  @ApiPropertyOptional({ description: 'How to address them; absent when their account cannot be reached' }) name?: string;
  @ApiPropertyOptional({ description: 'Shown to the tenant’s owners and admins, and staff' }) email?: string;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
  @ApiPropertyOptional() invitedBy?: string;
}
