import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { CONSULTATION_STATUSES, type ConsultationStatus } from '../consultation.lifecycle.js';
import {
  BUDGET_RANGES,
  COMPANY_SIZES,
  CONSULTATION_TYPES,
  MEETING_PROVIDERS,
  PROJECT_TIMELINES,
  type BudgetRange,
  type CompanySize,
  type ConsultationType,
  type MeetingProvider,
  type ProjectTimeline,
} from '../consultation-fields.js';

export class CompanyViewDto {
  @ApiProperty() name: string;
  @ApiPropertyOptional({ enum: COMPANY_SIZES }) size?: CompanySize;
  @ApiPropertyOptional() website?: string;
}

export class ProjectViewDto {
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) goals: string[];
  @ApiPropertyOptional({ enum: BUDGET_RANGES }) budgetRange?: BudgetRange;
  @ApiPropertyOptional({ enum: PROJECT_TIMELINES }) timeline?: ProjectTimeline;
}

export class MeetingViewDto {
  @ApiProperty() url: string;
  @ApiProperty({ enum: MEETING_PROVIDERS }) provider: MeetingProvider;
  @ApiPropertyOptional() dialIn?: string;
}

export class OutcomeViewDto {
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) nextSteps: string[];
}

export class FeedbackViewDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiPropertyOptional() comment?: string;
  @ApiProperty({ format: 'date-time' }) givenAt: string;
}

export class ConsultationHistoryDto {
  @ApiPropertyOptional({ enum: CONSULTATION_STATUSES, nullable: true }) from: ConsultationStatus | null;
  @ApiProperty({ enum: CONSULTATION_STATUSES }) to: ConsultationStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() source: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null when the move gave none' }) reason?: string | null;
}

export class ConsultationDto {
  @ApiProperty() id: string;
  @ApiProperty() requesterId: string;
  @ApiProperty({ enum: CONSULTATION_TYPES }) type: ConsultationType;
  @ApiProperty({ type: CompanyViewDto }) company: CompanyViewDto;
  @ApiProperty({ type: ProjectViewDto }) project: ProjectViewDto;
  @ApiProperty({ format: 'date-time' }) scheduledAt: string;
  @ApiProperty({ format: 'date-time', description: 'The time first asked for' }) requestedAt: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ enum: CONSULTATION_STATUSES }) status: ConsultationStatus;
  @ApiPropertyOptional({ type: MeetingViewDto }) meeting?: MeetingViewDto;
  @ApiPropertyOptional({ type: OutcomeViewDto }) outcome?: OutcomeViewDto;
  @ApiPropertyOptional({ type: FeedbackViewDto }) feedback?: FeedbackViewDto;
  @ApiProperty() rescheduleCount: number;
  @ApiProperty({ type: [ConsultationHistoryDto], description: 'Status changes and reschedules' }) history: ConsultationHistoryDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ConsultationQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONSULTATION_STATUSES }) @IsOptional() @IsIn(CONSULTATION_STATUSES) status?: ConsultationStatus;
  @ApiPropertyOptional({ enum: CONSULTATION_TYPES }) @IsOptional() @IsIn(CONSULTATION_TYPES) type?: ConsultationType;
  @ApiPropertyOptional({ format: 'date-time', description: 'Meeting at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Meeting at or before' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}
