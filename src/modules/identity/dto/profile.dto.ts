import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsLocale, IsOptional, IsString, IsTimeZone, IsUrl, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { THEMES, type Theme } from '../schemas/user.schema.js';

const E164 = /^\+[1-9]\d{6,14}$/;

export class ProfileDto {
  @ApiPropertyOptional({ maxLength: 100 }) firstName?: string;
  @ApiPropertyOptional({ maxLength: 100 }) lastName?: string;
  @ApiPropertyOptional({ maxLength: 100 }) displayName?: string;
  @ApiPropertyOptional({ format: 'uri' }) avatarUrl?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) bio?: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timezone: string;
  @ApiProperty({ example: 'en' }) locale: string;
  @ApiPropertyOptional({ example: '+4930123456', description: 'E.164, for text messages' }) phone?: string;
}

export class PreferencesDto {
  @ApiProperty({ enum: THEMES }) theme: Theme;
  @ApiProperty() productEmails: boolean;
  @ApiProperty() marketingEmails: boolean;
}

export class UpdateProfileDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ format: 'uri', description: 'An https URL' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(2048)
  avatarUrl?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bio?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'IANA time zone' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ example: 'en-GB', description: 'BCP 47 language tag' })
  @IsOptional()
  @IsLocale()
  @MaxLength(35)
  locale?: string;

  @ApiPropertyOptional({ example: '+4930123456', description: 'E.164: +, country code and number, at most 15 digits' })
  @IsOptional()
  @Matches(E164, { message: 'phone must be an E.164 number such as +4930123456' })
  phone?: string;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  productEmails?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  marketingEmails?: boolean;
}
