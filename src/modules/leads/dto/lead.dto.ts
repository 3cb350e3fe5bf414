import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsTimeZone, Matches } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { LEAD_STATUSES, type LeadStatus } from '../leads.events.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';
import {
  LEAD_SOURCES,
  MAX_EXTERNAL_ID_CHARS,
  MAX_LEAD_TAGS,
  MAX_NAME_CHARS,
  MAX_NOTES_CHARS,
  MAX_TAG_CHARS,
  type LeadSource,
} from '../schemas/lead.schema.js';

const COUNTRY_PATTERN = '^[A-Z]{2}$';
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class LeadDto {
  @ApiProperty() id: string;
  @ApiProperty() tenantId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'E.164', example: '+14155550100' }) phone: string;
  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 country of the number' }) phoneCountry?: string;
  @ApiPropertyOptional({ format: 'email' }) email?: string;
  @ApiProperty({ enum: LEAD_SOURCES }) source: LeadSource;
  @ApiProperty({ enum: LEAD_STATUSES }) status: LeadStatus;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ description: 'IANA timezone', example: 'America/Los_Angeles' }) timezone: string;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional() externalId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) lastContactedAt?: string;
  @ApiPropertyOptional() lastCallId?: string;
  @ApiPropertyOptional() lastCallStatus?: string;
  @ApiProperty() callCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

class LeadFieldsDto {
  @ApiPropertyOptional({ format: 'email', maxLength: 254 })
  @IsOptional()
  @Transform(lower)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_LEAD_TAGS,
    description: `At most ${MAX_LEAD_TAGS}, ${MAX_TAG_CHARS} characters each`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LEAD_TAGS)
  @IsString({ each: true })
  @MaxLength(MAX_TAG_CHARS, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ description: 'IANA timezone; from the number when absent', example: 'Europe/London', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ maxLength: MAX_NOTES_CHARS }) @IsOptional() @IsString() @MaxLength(MAX_NOTES_CHARS) notes?: string;

  @ApiPropertyOptional({ maxLength: MAX_EXTERNAL_ID_CHARS })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_EXTERNAL_ID_CHARS)
  externalId?: string;
}

export class CreateLeadDto extends LeadFieldsDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_NAME_CHARS, example: 'Ada Lovelace' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_CHARS)
  @NotBlank()
  name: string;

  @ApiProperty({ maxLength: 64, example: '+1 415 555 0100', description: 'Any common spelling; stored as E.164' })
  @IsString()
  @MaxLength(64)
  phone: string;

  @ApiPropertyOptional({ pattern: COUNTRY_PATTERN, description: 'Country a number without +prefix is read in' })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(COUNTRY_PATTERN))
  phoneCountry?: string;

  @ApiPropertyOptional({ enum: LEAD_SOURCES, default: 'manual' }) @IsOptional() @IsIn(LEAD_SOURCES) source?: LeadSource;
}

export class UpdateLeadDto extends LeadFieldsDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_NAME_CHARS })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_CHARS)
  @NotBlank()
  name?: string;

  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @MaxLength(64) phone?: string;

  @ApiPropertyOptional({ pattern: COUNTRY_PATTERN })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(COUNTRY_PATTERN))
  phoneCountry?: string;

  @ApiPropertyOptional({ enum: LEAD_STATUSES, description: 'A move along the lead lifecycle' })
  @IsOptional()
  @IsIn(LEAD_STATUSES)
  status?: LeadStatus;
}

export class LeadTransitionDto {
  @ApiProperty({ enum: LEAD_STATUSES }) @IsIn(LEAD_STATUSES) to: LeadStatus;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class LeadListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LEAD_STATUSES }) @IsOptional() @IsIn(LEAD_STATUSES) status?: LeadStatus;
  @ApiPropertyOptional({ maxLength: MAX_TAG_CHARS }) @IsOptional() @IsString() @MaxLength(MAX_TAG_CHARS) tag?: string;
  @ApiPropertyOptional({ enum: LEAD_SOURCES }) @IsOptional() @IsIn(LEAD_SOURCES) source?: LeadSource;
  @ApiPropertyOptional({ maxLength: 100, description: 'Prefix of the name (any case) or of the number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
