import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBINAR_STATUSES, type WebinarStatus } from '../webinar.lifecycle.js';
import { WebinarHostDto, WebinarMeetingDto } from './webinar-input.dto.js';

export class WebinarDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [WebinarHostDto] }) hosts: WebinarHostDto[];
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty() timezone: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Seats not yet taken; 0 means new registrations join the waitlist' }) seatsLeft: number;
  @ApiProperty({ enum: WEBINAR_STATUSES }) status: WebinarStatus;
  @ApiPropertyOptional({ type: WebinarMeetingDto, description: 'Staff view only; registrants get it when they join' })
  meeting?: WebinarMeetingDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WebinarReportDto {
  @ApiProperty() webinarId: string;
  @ApiProperty({ description: 'Registrations not canceled (confirmed, attended, waitlisted)' }) registered: number;
  @ApiProperty() confirmed: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty() canceled: number;
  @ApiProperty({ description: 'Registrants who joined at least once' }) attended: number;
  @ApiProperty({ description: 'attended / seated (confirmed + attended), 0 to 1' }) attendanceRate: number;
  @ApiProperty({ description: 'Average minutes in the webinar per attendee' }) averageMinutes: number;
  @ApiPropertyOptional({ description: 'Average feedback rating, 1 to 5; absent without feedback' }) averageRating?: number;
  @ApiProperty() feedbackCount: number;
}
