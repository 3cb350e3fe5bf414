import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../core/auth/roles.js';
import { ACCOUNT_STATUSES, type AccountStatus } from '../account-status.lifecycle.js';
import { PreferencesDto, ProfileDto } from './profile.dto.js';

/** What a user sees of their own account (and staff of anyone's). */
export class UserDto {
  @ApiProperty({ example: '665f1c2b9d3e4a0012345678' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status: AccountStatus;
  @ApiPropertyOptional({ description: 'Why an admin deactivated the account' }) statusReason?: string;
  @ApiProperty({ description: 'Whether the owner proved they receive mail at the address (accepting an invitation needs it)' })
  emailVerified: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) emailVerifiedAt?: string;
  @ApiProperty({ example: 'free', description: 'The personal plan (set by the user’s own subscription)' }) plan: string;
  @ApiProperty({ type: ProfileDto }) profile: ProfileDto;
  @ApiProperty({ type: PreferencesDto }) preferences: PreferencesDto;
  @ApiPropertyOptional({ format: 'date-time' }) lastLoginAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** What any signed-in user may see of another. */
export class PublicUserDto {
  @ApiProperty() id: string;
  @ApiPropertyOptional() displayName?: string;
  @ApiPropertyOptional() avatarUrl?: string;
  @ApiPropertyOptional() bio?: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
