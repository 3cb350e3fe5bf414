import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application.lifecycle.js';
import {
  EMPLOYMENT_TYPES,
  INTERVIEW_KINDS,
  OFFER_CURRENCIES,
  type EmploymentType,
  type InterviewKind,
  type OfferCurrency,
} from '../careers-fields.js';

export class ApplicationPositionDto {
  @ApiProperty() postingId: string;
  @ApiProperty() title: string;
  @ApiProperty() department: string;
  @ApiProperty({ enum: EMPLOYMENT_TYPES }) employmentType: EmploymentType;
}

export class ApplicantDto {
  @ApiPropertyOptional() userId?: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() coverLetter?: string;
  @ApiProperty({ type: [String] }) links: string[];
}

export class ResumeDto {
  @ApiProperty({ enum: ['url', 'file', 'none'], description: 'none once erased' }) kind: 'url' | 'file' | 'none';
  @ApiPropertyOptional({ description: 'The link given (url resumes)' }) url?: string;
  @ApiPropertyOptional({ description: 'The uploaded file (file resumes); staff download it through /resume' }) fileId?: string;
  @ApiPropertyOptional() fileName?: string;
}

export class InterviewDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) scheduledAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: INTERVIEW_KINDS }) kind: InterviewKind;
  @ApiPropertyOptional() meetingUrl?: string;
  @ApiPropertyOptional() location?: string;
  @ApiPropertyOptional({ type: [String], description: 'Staff only' }) interviewerIds?: string[];
  @ApiPropertyOptional({ description: 'Staff only' }) feedback?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Staff only' }) score?: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'Staff only' }) feedbackAt?: string;
}

export class OfferDto {
  @ApiProperty({ description: 'Minor units of currency' }) salary: number;
  @ApiProperty({ enum: OFFER_CURRENCIES }) currency: OfferCurrency;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time' }) madeAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) respondedAt?: string;
}

/** Staff only. */
export class ApplicationNoteViewDto {
  @ApiProperty() id: string;
  @ApiProperty() authorId: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Staff only: the audit trail of stage changes. */
export class ApplicationHistoryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, nullable: true }) from: ApplicationStatus | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) to: ApplicationStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() source: string;
  @ApiPropertyOptional() actorId?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reason?: string | null;
}

export class ApplicationSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'APP-2026-000123' }) applicationId: string;
  @ApiProperty({ type: ApplicationPositionDto }) position: ApplicationPositionDto;
  @ApiProperty() applicantName: string;
  @ApiProperty() applicantEmail: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiPropertyOptional({ description: 'Staff only' }) reviewerId?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** One application: the applicant's view, or the staff view with feedback, scores, notes and history. */
export class ApplicationDto extends ApplicationSummaryDto {
  @ApiProperty({ type: ApplicantDto }) applicant: ApplicantDto;
  @ApiProperty({ type: ResumeDto }) resume: ResumeDto;
  @ApiProperty({ type: [InterviewDto] }) interviews: InterviewDto[];
  @ApiPropertyOptional({ type: OfferDto }) offer?: OfferDto;
  @ApiPropertyOptional({ type: [ApplicationNoteViewDto], description: 'Staff only' }) notes?: ApplicationNoteViewDto[];
  @ApiPropertyOptional({ type: [ApplicationHistoryDto], description: 'Staff only' }) history?: ApplicationHistoryDto[];
}

export class FollowUpLinkAcceptedDto {
  @ApiProperty({ enum: ['accepted'] }) status: 'accepted';
}

export class ResumeDownloadDto {
  @ApiProperty({ description: 'The resume link, or a short-lived signed download URL for an uploaded file' }) url: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When a signed URL stops working' }) expiresAt?: string;
}
