import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsMongoId, IsOptional, IsString, Max, Min } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../registration.lifecycle.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterForWebinarDto {
  @ApiProperty({ description: 'The webinar to register for' }) @IsMongoId() webinarId: string;
  @ApiProperty({ format: 'email', maxLength: 254 }) @Transform(trimmed) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ maxLength: 200 }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(200) @NotBlank() name: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) company?: string;
}

export class RegistrationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES }) @IsOptional() @IsIn(REGISTRATION_STATUSES) status?: RegistrationStatus;
}

export class WebinarFeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating: number;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export const ENGAGEMENT_KINDS = ['question', 'poll-answer', 'chat-message'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export class EngagementDto {
  @ApiProperty({ enum: ENGAGEMENT_KINDS }) @IsIn(ENGAGEMENT_KINDS) kind: EngagementKind;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;
}
