import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../registration.lifecycle.js';

export class AttendanceDto {
  @ApiPropertyOptional({ format: 'date-time' }) firstJoinedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Set while in the webinar' }) joinedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) leftAt?: string;
  @ApiProperty({ description: 'Minutes of the visits that ended' }) minutes: number;
  @ApiProperty() visits: number;
}

export class EngagementCountsDto {
  @ApiProperty() questions: number;
  @ApiProperty() pollAnswers: number;
  @ApiProperty() chatMessages: number;
}

export class FeedbackGivenDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiPropertyOptional() comment?: string;
  @ApiProperty({ format: 'date-time' }) givenAt: string;
}

export class RegistrationDto {
  @ApiProperty() registrationId: string;
  @ApiProperty() webinarId: string;
  @ApiProperty({ format: 'date-time', description: 'The webinar’s start' }) scheduledDate: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() company?: string;
  @ApiPropertyOptional({ description: 'The account the address belongs to' }) userId?: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiPropertyOptional({ description: 'Place in the waitlist (1 is next), while waitlisted' }) waitlistPosition?: number;
  @ApiProperty({ type: AttendanceDto }) attendance: AttendanceDto;
  @ApiProperty({ type: EngagementCountsDto }) engagement: EngagementCountsDto;
  @ApiPropertyOptional({ type: FeedbackGivenDto }) feedback?: FeedbackGivenDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class JoinedDto {
  @ApiProperty({ type: RegistrationDto }) registration: RegistrationDto;
  @ApiProperty({ format: 'uri' }) joinUrl: string;
  @ApiPropertyOptional() details?: string;
}
