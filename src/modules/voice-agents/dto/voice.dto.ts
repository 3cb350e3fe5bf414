import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { HttpsUrl, MAX_URL_LENGTH } from '../../../core/net/index.js';
import { LANGUAGE_PATTERN, VOICE_GENDERS, VOICE_PROVIDERS, type VoiceGender, type VoiceProvider } from '../voice-agents.constants.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

const LANGUAGE_SOURCE = LANGUAGE_PATTERN.source;

export class VoiceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VOICE_PROVIDERS }) @IsOptional() @IsIn(VOICE_PROVIDERS) provider?: VoiceProvider;
  @ApiPropertyOptional({
    description: 'BCP 47; `en` matches every English variant',
    pattern: LANGUAGE_SOURCE,
    maxLength: 35,
    example: 'en',
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  @Matches(LANGUAGE_PATTERN, { message: 'language must be a BCP 47 tag such as en or en-US' })
  language?: string;
  @ApiPropertyOptional({ enum: VOICE_GENDERS }) @IsOptional() @IsIn(VOICE_GENDERS) gender?: VoiceGender;
}

export class CreateTenantVoiceDto {
  @ApiProperty({ enum: VOICE_PROVIDERS }) @IsIn(VOICE_PROVIDERS) provider: VoiceProvider;
  @ApiProperty({
    minLength: 1,
    maxLength: 128,
    pattern: '\\S',
    description: 'The voice id at the provider',
    example: 'pNInz6obpgDQGcFmaJgB',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  @NotBlank()
  providerVoiceId: string;
  @ApiProperty({ minLength: 1, maxLength: 100, pattern: '\\S', example: 'Our brand voice' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NotBlank()
  name: string;
  @ApiPropertyOptional({ pattern: LANGUAGE_SOURCE, maxLength: 35, example: 'en-US' })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  @Matches(LANGUAGE_PATTERN, { message: 'language must be a BCP 47 tag such as en or en-US' })
  language?: string;
  @ApiPropertyOptional({ maxLength: 50 }) @IsOptional() @IsString() @MaxLength(50) accent?: string;
  @ApiPropertyOptional({ enum: VOICE_GENDERS }) @IsOptional() @IsIn(VOICE_GENDERS) gender?: VoiceGender;
  @ApiPropertyOptional({ format: 'uri', maxLength: MAX_URL_LENGTH, example: 'https://cdn.example.com/voices/brand.mp3' })
  @IsOptional()
  @HttpsUrl()
  previewUrl?: string;
}

export class UpdateTenantVoiceDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, pattern: '\\S' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NotBlank()
  name?: string;
  @ApiPropertyOptional({ pattern: LANGUAGE_SOURCE, maxLength: 35 })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  @Matches(LANGUAGE_PATTERN, { message: 'language must be a BCP 47 tag such as en or en-US' })
  language?: string;
  @ApiPropertyOptional({ maxLength: 50 }) @IsOptional() @IsString() @MaxLength(50) accent?: string;
  @ApiPropertyOptional({ enum: VOICE_GENDERS }) @IsOptional() @IsIn(VOICE_GENDERS) gender?: VoiceGender;
  @ApiPropertyOptional({ format: 'uri', maxLength: MAX_URL_LENGTH }) @IsOptional() @HttpsUrl() previewUrl?: string;
}

/** A voice as agents pick it: from the shared catalogue (`source: catalogue`, id `cat-…`) or the tenant's own. */
export class VoiceProfileDto {
  @ApiProperty({ description: 'Catalogue voices: `cat-…`; tenant voices: an ObjectId' }) id: string;
  @ApiProperty({ enum: ['catalogue', 'tenant'] }) source: 'catalogue' | 'tenant';
  @ApiPropertyOptional() tenantId?: string;
  @ApiProperty({ enum: VOICE_PROVIDERS }) provider: VoiceProvider;
  @ApiProperty() providerVoiceId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() language?: string;
  @ApiPropertyOptional() accent?: string;
  @ApiPropertyOptional({ enum: VOICE_GENDERS }) gender?: VoiceGender;
  @ApiPropertyOptional({ format: 'uri' }) previewUrl?: string;
  @ApiPropertyOptional({ format: 'date-time' }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updatedAt?: string;
}
