import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';
import { ROLES, type Role } from '../../../core/auth/roles.js';
import { PageQueryDto } from '../../../core/http/pagination.js';

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Prefix of the email, first, last or display name', maxLength: 100 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  // Only blanks: no search, as an absent q (the document sets no minimum length).
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}
