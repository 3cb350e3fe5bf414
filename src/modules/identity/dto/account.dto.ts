import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PASSWORD_MAX } from './auth.dto.js';

/** The statuses an admin sets; deletion is the owner's own act (DELETE /api/users/me). */
export const ADMIN_STATUSES = ['active', 'deactivated'] as const;

export class ChangeAccountStatusDto {
  @ApiProperty({ enum: ADMIN_STATUSES })
  @IsIn(ADMIN_STATUSES)
  status: (typeof ADMIN_STATUSES)[number];

  @ApiPropertyOptional({ maxLength: 500, description: 'Kept with the account and in its security activity' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

export class DeleteAccountDto {
  @ApiProperty({ description: 'The current password, entered again' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  password: string;
}
