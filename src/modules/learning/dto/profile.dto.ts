import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SKILL_LEVELS, type SkillLevel } from '../learning.types.js';
import { HourlyRateDto, SlotDto } from './profile-input.dto.js';

export class VerificationDto {
  @ApiProperty() isVerified: boolean;
  @ApiPropertyOptional({ description: 'The staff member who verified it' }) verifiedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) verifiedAt?: string;
}

export class TeachingSkillDto {
  @ApiProperty() skillId: string;
  @ApiProperty({ enum: SKILL_LEVELS }) level: SkillLevel;
  @ApiPropertyOptional({ type: HourlyRateDto }) hourlyRate?: HourlyRateDto;
  @ApiPropertyOptional() yearsOfExperience?: number;
  @ApiProperty({ type: VerificationDto }) verification: VerificationDto;
}

export class LearningSkillDto {
  @ApiProperty() skillId: string;
  @ApiPropertyOptional({ enum: SKILL_LEVELS }) currentLevel?: SkillLevel;
  @ApiProperty({ enum: SKILL_LEVELS }) goalLevel: SkillLevel;
  @ApiProperty({ format: 'date-time' }) targetDate?: string;
}

export class AvailabilityDto {
  @ApiProperty() timezone: string;
  @ApiProperty({ type: [SlotDto] }) slots: SlotDto[];
}

export class StandingDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Mean learner rating 1–5; null before the first' }) rating: number | null;
  @ApiProperty() ratingCount: number;
  @ApiProperty() sessionsTaught: number;
}

export class UserSkillsDto {
  @ApiProperty() userId: string;
  @ApiProperty({ type: [TeachingSkillDto] }) teaching: TeachingSkillDto[];
  @ApiProperty({ type: [LearningSkillDto] }) learning: LearningSkillDto[];
  @ApiPropertyOptional({ type: AvailabilityDto, description: 'Only to the user themself and staff; absent when none is set' })
  availability?: AvailabilityDto;
  @ApiProperty({ type: StandingDto }) standing: StandingDto;
}

export class VerificationRequestDto {
  @ApiProperty() userId: string;
  @ApiProperty({ format: 'date-time', description: 'When the teaching list last changed' }) waitingSince: string;
  @ApiProperty({ type: [TeachingSkillDto], description: 'The unverified teaching skills' }) skills: TeachingSkillDto[];
}

export class LeaderboardEntryDto {
  @ApiProperty({ description: '1-based place across pages' }) rank: number;
  @ApiProperty() userId: string;
  @ApiProperty({ type: Number, nullable: true }) rating: number | null;
  @ApiProperty() ratingCount: number;
  @ApiProperty() sessionsTaught: number;
}
