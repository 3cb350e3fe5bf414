import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsInt, IsOptional, IsString, IsTimeZone, Max, Min, ValidateNested } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { MAX_HOSTS } from '../schemas/webinar.schema.js';
import { WEBINAR_STATUSES, type WebinarStatus } from '../webinar.lifecycle.js';
import { HttpsUrl } from '../../../core/net/index.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

export class WebinarHostDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) @NotBlank() name: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) title?: string;
}

export class WebinarMeetingDto {
  @ApiProperty({ format: 'uri', example: 'https://meet.example.com/webinar-42' }) @HttpsUrl() joinUrl: string;
  @ApiPropertyOptional({ maxLength: 500, example: 'Passcode 4242' }) @IsOptional() @IsString() @MaxLength(500) details?: string;
}

export class CreateWebinarDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) @NotBlank() title: string;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional({ type: [WebinarHostDto], maxItems: MAX_HOSTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_HOSTS)
  @ValidateNested({ each: true })
  @Type(() => WebinarHostDto)
  hosts?: WebinarHostDto[];
  // Only a string becomes a Date: a number or `false` would otherwise turn into 1970 and pass.
  @ApiProperty({ format: 'date-time' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? new Date(value) : value))
  @IsDate({ message: 'startsAt must be an ISO 8601 date-time' })
  startsAt: Date;
  @ApiProperty({ minimum: 1, maximum: 1440 }) @IsInt() @Min(1) @Max(1440) durationMinutes: number;
  @ApiProperty({ example: 'Europe/Berlin' }) @IsTimeZone() timezone: string;
  @ApiProperty({ minimum: 1, maximum: 100_000 }) @IsInt() @Min(1) @Max(100_000) capacity: number;
  @ApiProperty({ type: WebinarMeetingDto }) @ValidateNested() @Type(() => WebinarMeetingDto) meeting: WebinarMeetingDto;
}

/** Any of the fields; a capacity below the seats already taken is refused (409). */
export class UpdateWebinarDto extends PartialType(CreateWebinarDto) {}

export class WebinarTransitionDto {
  @ApiProperty({ enum: WEBINAR_STATUSES }) @IsIn(WEBINAR_STATUSES) to: WebinarStatus;
  @ApiPropertyOptional({ maxLength: 500, description: 'Kept in the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** Staff's list: every status, or one. */
export class WebinarQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WEBINAR_STATUSES }) @IsOptional() @IsIn(WEBINAR_STATUSES) status?: WebinarStatus;
}

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' }) @IsOptional() @IsIn(EXPORT_FORMATS) format: ExportFormat = 'json';
}
