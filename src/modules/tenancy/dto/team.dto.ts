import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsMongoId, IsOptional, IsString } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { TEAM_ROLES, type TeamRole } from '../tenant-roles.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

export class CreateTeamDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Outbound sales' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NotBlank()
  name: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) description?: string;
}

export class UpdateTeamDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NotBlank()
  name?: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) description?: string;
}

export class AddTeamMemberDto {
  @ApiProperty({ description: 'A member of the tenant' }) @IsMongoId() userId: string;
  @ApiPropertyOptional({ enum: TEAM_ROLES, default: 'member' }) @IsOptional() @IsIn(TEAM_ROLES) role?: TeamRole;
}

export class ChangeTeamRoleDto {
  @ApiProperty({ enum: TEAM_ROLES }) @IsIn(TEAM_ROLES) role: TeamRole;
}

export class TeamDto {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TeamMemberDto {
  @ApiProperty() teamId: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: TEAM_ROLES }) role: TeamRole;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}
