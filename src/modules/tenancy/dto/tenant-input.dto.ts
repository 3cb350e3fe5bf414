import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { IsPublicHttpsUrl } from '../../../core/net/index.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { MAX_SLUG_LENGTH, MIN_SLUG_LENGTH, SLUG_PATTERN } from '../slug.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

const TIMEZONE = /^[A-Za-z]+(?:[/_+-][A-Za-z0-9]+)*$/;
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export class TenantSettingsDto {
  @ApiPropertyOptional({ maxLength: 64, example: 'Europe/Berlin', description: 'An IANA time zone' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(TIMEZONE, { message: 'timezone must be an IANA time zone such as Europe/Berlin' })
  timezone?: string;

  @ApiPropertyOptional({ maxLength: 35, example: 'de-DE', description: 'A BCP 47 language tag' })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  @Matches(LOCALE, { message: 'locale must be a language tag such as en or de-DE' })
  locale?: string;

  @ApiPropertyOptional({ example: '#0a7cff', pattern: '^#[0-9a-fA-F]{6}$' })
  @IsOptional()
  @IsString()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'brandColor must be a colour like #0a7cff' })
  brandColor?: string;

  @ApiPropertyOptional({ format: 'uri', maxLength: 2048, description: 'A public https URL' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @IsPublicHttpsUrl()
  logoUrl?: string;
}

export class CreateTenantDto {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Northwind Traders' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  // The name is stored trimmed, and a tenant needs one: spaces alone would be stored as nothing.
  @NotBlank()
  name: string;

  @ApiPropertyOptional({
    minLength: MIN_SLUG_LENGTH,
    maxLength: MAX_SLUG_LENGTH,
    pattern: SLUG_PATTERN.source,
    description: 'Lowercase words joined by hyphens; made from the name when absent. A taken one is 409.',
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_SLUG_LENGTH)
  @MaxLength(MAX_SLUG_LENGTH)
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase letters and digits joined by single hyphens' })
  slug?: string;

  @ApiPropertyOptional({ type: TenantSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantSettingsDto)
  settings?: TenantSettingsDto;
}

export class UpdateTenantDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @NotBlank()
  name?: string;

  @ApiPropertyOptional({ minLength: MIN_SLUG_LENGTH, maxLength: MAX_SLUG_LENGTH, pattern: SLUG_PATTERN.source })
  @IsOptional()
  @IsString()
  @MinLength(MIN_SLUG_LENGTH)
  @MaxLength(MAX_SLUG_LENGTH)
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase letters and digits joined by single hyphens' })
  slug?: string;

  @ApiPropertyOptional({ type: TenantSettingsDto, description: 'Merged into the current settings' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantSettingsDto)
  settings?: TenantSettingsDto;
}

export class TenantQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'false lists closed tenants', default: true })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';

  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @MaxLength(64) planKey?: string;

  @ApiPropertyOptional({ maxLength: MAX_SLUG_LENGTH, description: 'Exact slug' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SLUG_LENGTH)
  slug?: string;
}
