import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsMongoId, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { SKILL_LEVELS, type SkillLevel } from '../learning.types.js';
import { IsoDateTimeWithin } from './iso-date.js';
import { HourlyRateDto } from './profile-input.dto.js';

export const MAX_MATCHES = 50;
/** The longest period matching compares availability in: each candidate's weekly windows are walked day by day. */
export const MAX_PERIOD_DAYS = 14;
const DAY_MS = 86_400_000;
const YEAR_MS = 366 * DAY_MS;

export const LEADERBOARD_ORDERS = ['rating', 'sessions'] as const;
export type LeaderboardOrder = (typeof LEADERBOARD_ORDERS)[number];

export class LeaderboardQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LEADERBOARD_ORDERS, default: 'rating' })
  @IsOptional()
  @IsIn(LEADERBOARD_ORDERS)
  by: LeaderboardOrder = 'rating';
}

export class MatchLearnersQueryDto {
  @ApiProperty({ description: 'A skill the caller teaches' }) @IsMongoId() skillId: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_MATCHES, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_MATCHES)
  limit: number = 20;
}

export class MatchTeachersQueryDto extends MatchLearnersQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the period availability is compared in; default now' })
  @IsOptional()
  @IsoDateTimeWithin('from', DAY_MS, YEAR_MS, 'between a day ago and a year from now')
  from?: Date;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'End of the period; default a week after from, at most 14 days after it (the work grows with the period)',
  })
  @IsOptional()
  @IsoDateTimeWithin('to', DAY_MS, YEAR_MS + MAX_PERIOD_DAYS * DAY_MS, 'between a day ago and a year and 14 days from now')
  to?: Date;
}

export class ScoreDto {
  @ApiProperty({ description: 'Weighted 0–0.3: the teacher’s level, beginner 0 to expert 1' }) level: number;
  @ApiProperty({ description: 'Weighted 0–0.3: rating out of 5; unrated 0' }) rating: number;
  @ApiProperty({ description: 'Weighted 0–0.2: cheapest in its currency 1, dearest 0; free 1' }) price: number;
  @ApiProperty({ description: 'Weighted 0–0.2: shared minutes relative to the candidate sharing the most' }) availability: number;
  @ApiProperty({ description: 'The sum of the parts' }) total: number;
}

export class TeacherMatchDto {
  @ApiProperty() userId: string;
  @ApiProperty({ enum: SKILL_LEVELS }) level: SkillLevel;
  @ApiPropertyOptional({ type: HourlyRateDto }) hourlyRate?: HourlyRateDto;
  @ApiProperty() verified: boolean;
  @ApiProperty({ type: Number, nullable: true }) rating: number | null;
  @ApiProperty() ratingCount: number;
  @ApiProperty({ description: 'Minutes both are available within [from, to)' }) overlapMinutes: number;
  @ApiProperty({ type: ScoreDto }) score: ScoreDto;
}

export class MatchedTeachersDto {
  @ApiProperty() skillId: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ type: [TeacherMatchDto], description: 'Best total first; equal totals by user id' }) items: TeacherMatchDto[];
}

export class LearnerMatchDto {
  @ApiProperty() userId: string;
  @ApiPropertyOptional({ enum: SKILL_LEVELS }) currentLevel?: SkillLevel;
  @ApiProperty({ enum: SKILL_LEVELS }) goalLevel: SkillLevel;
  @ApiProperty({ format: 'date-time' }) targetDate?: string;
}

export class MatchedLearnersDto {
  @ApiProperty() skillId: string;
  @ApiProperty({ type: [LearnerMatchDto], description: 'Soonest target date first; equal dates by user id' }) items: LearnerMatchDto[];
}
