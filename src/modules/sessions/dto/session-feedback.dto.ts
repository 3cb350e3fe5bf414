import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { MaxLength } from '../../../core/http/text-length.validators.js';

export const MAX_FEEDBACK_COMMENT = 2000;

/** POST /api/sessions/:id/feedback: a participant's rating of the session (of the other side). */
export class SessionFeedbackInputDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5, description: 'Whole stars, 1 to 5' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiPropertyOptional({ maxLength: MAX_FEEDBACK_COMMENT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FEEDBACK_COMMENT)
  comment?: string;
}

/** The feedback as stored, for the participant who gave it. */
export class SessionFeedbackDto {
  @ApiProperty() sessionId: string;
  @ApiProperty({ enum: ['teacher', 'learner'], description: 'The side that gave it' }) side: 'teacher' | 'learner';
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiPropertyOptional() comment?: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}
