import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Max,
  MaxDate,
  Min,
  MinDate,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MaxLength, MinLength } from '../../../core/http/text-length.validators.js';
import {
  BUDGET_RANGES,
  COMPANY_SIZES,
  CONSULTATION_TYPES,
  MAX_BOOKING_DAYS,
  MEETING_PROVIDERS,
  PROJECT_TIMELINES,
  type BudgetRange,
  type CompanySize,
  type ConsultationType,
  type MeetingProvider,
  type ProjectTimeline,
} from '../consultation-fields.js';
import { HttpsUrl } from '../../../core/net/index.js';
import { NotBlank } from '../../../core/http/not-blank.validator.js';

const DAY_MS = 86_400_000;
const latestBooking = () => new Date(Date.now() + MAX_BOOKING_DAYS * DAY_MS);

/** A meeting time: in the future, at most a year ahead. */
const FutureTime = () => (target: object, property: string) => {
  Type(() => Date)(target, property);
  IsDate({ message: `${property} must be an ISO 8601 date-time` })(target, property);
  MinDate(() => new Date(), { message: `${property} must be in the future` })(target, property);
  MaxDate(latestBooking, { message: `${property} must be within ${MAX_BOOKING_DAYS} days` })(target, property);
};

export class CompanyDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) @NotBlank() name: string;
  @ApiPropertyOptional({ enum: COMPANY_SIZES }) @IsOptional() @IsIn(COMPANY_SIZES) size?: CompanySize;
  @ApiPropertyOptional({ format: 'uri', example: 'https://example.com' }) @IsOptional() @HttpsUrl() website?: string;
}

export class ProjectDto {
  @ApiProperty({ maxLength: 5000 }) @IsString() @MinLength(1) @MaxLength(5000) @NotBlank() summary: string;
  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  goals?: string[];
  @ApiPropertyOptional({ enum: BUDGET_RANGES }) @IsOptional() @IsIn(BUDGET_RANGES) budgetRange?: BudgetRange;
  @ApiPropertyOptional({ enum: PROJECT_TIMELINES }) @IsOptional() @IsIn(PROJECT_TIMELINES) timeline?: ProjectTimeline;
}

export class RequestConsultationDto {
  @ApiProperty({ enum: CONSULTATION_TYPES }) @IsIn(CONSULTATION_TYPES) type: ConsultationType;
  @ApiProperty({ type: CompanyDto }) @ValidateNested() @Type(() => CompanyDto) company: CompanyDto;
  @ApiProperty({ type: ProjectDto }) @ValidateNested() @Type(() => ProjectDto) project: ProjectDto;
  @ApiProperty({ format: 'date-time', description: 'The time asked for; in the future, at most a year ahead' })
  @FutureTime()
  scheduledAt: Date;
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone the requester reads times in' }) @IsTimeZone() timezone: string;
}

export class MeetingDto {
  @ApiProperty({ format: 'uri', example: 'https://meet.example.com/abc-defg' }) @HttpsUrl() url: string;
  @ApiProperty({ enum: MEETING_PROVIDERS }) @IsIn(MEETING_PROVIDERS) provider: MeetingProvider;
  @ApiPropertyOptional({ maxLength: 200, example: '+1 555 0100, PIN 1234' }) @IsOptional() @IsString() @MaxLength(200) dialIn?: string;
}

export class OutcomeDto {
  @ApiProperty({ maxLength: 5000 }) @IsString() @MinLength(1) @MaxLength(5000) summary: string;
  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  nextSteps?: string[];
}

export const CONSULTATION_ACTIONS = ['confirm', 'reschedule', 'complete', 'cancel', 'no-show'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

/** A staff move: confirm needs the meeting, reschedule the new time, complete the outcome. */
export class ConsultationTransitionDto {
  @ApiProperty({ enum: CONSULTATION_ACTIONS }) @IsIn(CONSULTATION_ACTIONS) action: ConsultationAction;

  @ApiPropertyOptional({ type: MeetingDto, description: 'Required to confirm; may replace the details on reschedule' })
  @ValidateIf((body: ConsultationTransitionDto) => body.action === 'confirm' || body.meeting !== undefined)
  @IsDefined({ message: 'meeting is required to confirm' })
  @ValidateNested()
  @Type(() => MeetingDto)
  meeting?: MeetingDto;

  @ApiPropertyOptional({ format: 'date-time', description: 'Required to reschedule; on confirm, another time than the one asked for' })
  @ValidateIf((body: ConsultationTransitionDto) => body.action === 'reschedule' || body.scheduledAt !== undefined)
  @FutureTime()
  scheduledAt?: Date;

  @ApiPropertyOptional({ type: OutcomeDto, description: 'Required to complete' })
  @ValidateIf((body: ConsultationTransitionDto) => body.action === 'complete' || body.outcome !== undefined)
  @IsDefined({ message: 'outcome is required to complete' })
  @ValidateNested()
  @Type(() => OutcomeDto)
  outcome?: OutcomeDto;

  @ApiPropertyOptional({ maxLength: 500, description: 'Kept in the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CancelConsultationDto {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class FeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating: number;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}
