import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SESSION_STATUSES, type SessionStatus } from '../session.lifecycle.js';

export class SessionJoinsDto {
  @ApiPropertyOptional({ format: 'date-time' }) teacher?: string;
  @ApiPropertyOptional({ format: 'date-time' }) learner?: string;
}

export class SessionReschedulingDto {
  @ApiProperty({ format: 'date-time', description: 'The start before the move' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'The new start' }) to: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The new end' }) toEnd?: string;
  @ApiProperty() by: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiPropertyOptional() reason?: string;
}

export class SessionActivityDto {
  @ApiProperty({ type: SessionJoinsDto }) joinedAt: SessionJoinsDto;
  @ApiPropertyOptional({ format: 'date-time' }) actualStartTime?: string;
  @ApiPropertyOptional({ format: 'date-time' }) actualEndTime?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Set while paused' }) pausedAt?: string;
  @ApiProperty() pausedMinutes: number;
  @ApiProperty({ type: [SessionReschedulingDto], description: 'Every move of the slot, oldest first' })
  rescheduling: SessionReschedulingDto[];
}

export class SessionCancellationDto {
  @ApiProperty() cancelledBy: string;
  @ApiProperty({ format: 'date-time' }) cancelledAt: string;
  @ApiPropertyOptional() reason?: string;
}

export class SessionPricingDto {
  @ApiProperty({ description: 'Integer minor units of `currency`; 0 for a free session' }) amount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiPropertyOptional() paymentStatus?: string;
  @ApiPropertyOptional({ description: 'The payment that paid for it (POST /api/payments/intent with this sessionId)' })
  transactionId?: string;
}

export class SessionRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiPropertyOptional() comment?: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

/** The rating each side gave, once the session is completed. */
export class SessionFeedbackSidesDto {
  @ApiPropertyOptional({ type: SessionRatingDto, description: 'Given by the teacher' }) teacher?: SessionRatingDto;
  @ApiPropertyOptional({ type: SessionRatingDto, description: 'Given by the learner' }) learner?: SessionRatingDto;
}

/** A session as its participants and staff see it; the room's link and password come only from POST …/join. */
export class LearningSessionDto {
  @ApiProperty() id: string;
  @ApiProperty() teacherId: string;
  @ApiProperty() learnerId: string;
  @ApiProperty() skillId: string;
  @ApiProperty({ format: 'date-time' }) startTime: string;
  @ApiProperty({ format: 'date-time' }) endTime: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ example: 'Europe/Berlin' }) timezone: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiPropertyOptional({ enum: ['teacher', 'learner'], description: 'The caller’s side; absent for staff' }) myRole?: 'teacher' | 'learner';
  @ApiProperty({ type: SessionActivityDto }) activity: SessionActivityDto;
  @ApiPropertyOptional({ type: SessionCancellationDto }) cancellation?: SessionCancellationDto;
  @ApiProperty({ type: SessionPricingDto }) pricing: SessionPricingDto;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional() recordingUrl?: string;
  @ApiProperty({ type: SessionFeedbackSidesDto }) feedback: SessionFeedbackSidesDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** What a participant needs to enter the room, handed out only inside the join window. */
export class SessionJoinDto {
  @ApiProperty() sessionId: string;
  @ApiProperty({ enum: ['teacher', 'learner'] }) role: 'teacher' | 'learner';
  @ApiProperty() videoRoomId: string;
  @ApiProperty({ format: 'uri' }) joinUrl: string;
  @ApiProperty() password: string;
  @ApiProperty({ format: 'date-time', description: 'Joining opens' }) opensAt: string;
  @ApiProperty({ format: 'date-time', description: 'Joining closes (the booked end)' }) closesAt: string;
  @ApiProperty({ format: 'date-time', description: 'When this participant first joined' }) joinedAt: string;
}

export class SessionStatusCountsDto {
  @ApiProperty() scheduled: number;
  @ApiProperty() ongoing: number;
  @ApiProperty() paused: number;
  @ApiProperty() completed: number;
  @ApiProperty() cancelled: number;
  @ApiProperty() no_show: number;
}

export class SessionStatisticsDto {
  @ApiProperty({ enum: ['mine', 'all'] }) scope: 'mine' | 'all';
  @ApiProperty() total: number;
  @ApiProperty({ type: SessionStatusCountsDto }) byStatus: SessionStatusCountsDto;
  @ApiProperty({ description: 'Completed sessions taught (scope all: every completed session), minutes held without pauses' })
  minutesTaught: number;
  @ApiProperty({ description: 'Completed sessions learned (scope all: same as minutesTaught)' }) minutesLearned: number;
  @ApiProperty({ description: 'Scheduled sessions still to start' }) upcoming: number;
}
