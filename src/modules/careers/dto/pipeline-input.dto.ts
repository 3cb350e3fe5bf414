import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsMongoId, IsOptional, IsString, Max, Min } from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application.lifecycle.js';
import { INTERVIEW_KINDS, MAX_INTERVIEWERS, OFFER_CURRENCIES, type InterviewKind, type OfferCurrency } from '../careers-fields.js';
import { HttpsUrl } from '../../../core/net/index.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

/** The pipeline's filters; each is backed by an index on `jobapplications`. */
export class PipelineQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'One posting' }) @IsOptional() @IsMongoId() postingId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
  @ApiPropertyOptional({ description: 'One reviewer' }) @IsOptional() @IsMongoId() reviewerId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Submitted at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  submittedFrom?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Submitted at or before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  submittedTo?: string;
}

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The same filters as the pipeline, without paging: up to CAREERS_EXPORT_MAX_ROWS, newest first. */
export class PipelineExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' }) @IsOptional() @IsIn(EXPORT_FORMATS) format?: ExportFormat;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() postingId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() reviewerId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) submittedFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) submittedTo?: string;
}

export class TransitionApplicationDto {
  @ApiProperty({ enum: APPLICATION_STATUSES, description: 'The next stage; offer_extended is entered by making an offer' })
  @IsIn(APPLICATION_STATUSES)
  to: ApplicationStatus;
  @ApiPropertyOptional({ maxLength: 500, description: 'Kept in the history and told to the applicant' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AssignReviewerDto {
  @ApiProperty({ description: 'A staff or admin user' }) @IsMongoId() reviewerId: string;
}

export class ScheduleInterviewDto {
  @ApiProperty({ format: 'date-time', description: 'In the future' }) @IsISO8601({ strict: true }) scheduledAt: string;
  @ApiPropertyOptional({ minimum: 5, maximum: 600, default: 60 }) @IsOptional() @IsInt() @Min(5) @Max(600) durationMinutes?: number;
  @ApiProperty({ enum: INTERVIEW_KINDS }) @IsIn(INTERVIEW_KINDS) kind: InterviewKind;
  @ApiProperty({ type: String, isArray: true, maxItems: MAX_INTERVIEWERS, description: 'Staff or admin users' })
  @IsArray()
  @ArrayMaxSize(MAX_INTERVIEWERS)
  @IsMongoId({ each: true })
  interviewerIds: string[];
  @ApiPropertyOptional({ format: 'uri' }) @IsOptional() @HttpsUrl() meetingUrl?: string;
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @MaxLength(300) location?: string;
}

export class InterviewFeedbackDto {
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(5000) @NotBlank() feedback?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) score?: number;
}

export class MakeOfferDto {
  @ApiProperty({ minimum: 0, maximum: 100_000_000_00, description: 'Yearly gross salary in minor units (cents) of currency' })
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  salary: number;
  @ApiProperty({ enum: OFFER_CURRENCIES }) @IsIn(OFFER_CURRENCIES) currency: OfferCurrency;
  @ApiProperty({ format: 'date', example: '2027-02-01' }) @IsISO8601({ strict: true }) startDate: string;
  @ApiProperty({ format: 'date-time', description: 'The applicant answers before this; in the future, within CAREERS_OFFER_MAX_DAYS' })
  @IsISO8601({ strict: true })
  expiresAt: string;
}

export class ApplicationNoteDto {
  @ApiProperty({ minLength: 1, maxLength: 5000 }) @IsString() @MinLength(1) @MaxLength(5000) @NotBlank() body: string;
}
