import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsMongoId,
  IsTimeZone,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { describeValidator } from '../../../core/http/validator-schemas.js';
import { isCurrency } from '../../../core/money.js';
import { MAX_LEARNING_SKILLS, MAX_SLOTS, MAX_TEACHING_SKILLS } from '../schemas/learner-profile.schema.js';
import { SKILL_LEVELS, type SkillLevel } from '../learning.types.js';
import { IsoDateTimeWithin } from './iso-date.js';

/** "HH:mm" on a 24-hour clock; "24:00" only as a window's end. */
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

describeValidator('isRateCurrency', { type: 'string', enum: Intl.supportedValuesOf('currency') });

/** ISO 4217 code, any case in, upper case out. */
function IsRateCurrency() {
  return (target: object, propertyName: string) => {
    Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))(target, propertyName);
    registerDecorator({
      name: 'isRateCurrency',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 4217 currency code` },
      validator: { validate: (value: unknown) => isCurrency(value) },
    });
  };
}

/** A learning goal's target date lies within ten years of now, either side. */
const TEN_YEARS_MS = 3653 * 86_400_000;

export class HourlyRateDto {
  @ApiProperty({ minimum: 0, maximum: 100_000_000, description: 'Minor units of the currency (cents)', example: 4500 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amount: number;
  @ApiProperty({ example: 'EUR' }) @IsRateCurrency() currency: string;
}

export class TeachingSkillInputDto {
  @ApiProperty({ description: 'An active skill of the catalogue' }) @IsMongoId() skillId: string;
  @ApiProperty({ enum: SKILL_LEVELS }) @IsIn(SKILL_LEVELS) level: SkillLevel;
  @ApiPropertyOptional({ type: HourlyRateDto, description: 'Absent: teaches for free' })
  @IsOptional()
  @ValidateNested()
  @Type(() => HourlyRateDto)
  hourlyRate?: HourlyRateDto;
  @ApiPropertyOptional({ minimum: 0, maximum: 80 }) @IsOptional() @IsInt() @Min(0) @Max(80) yearsOfExperience?: number;
}

export class ReplaceTeachingDto {
  @ApiProperty({ type: [TeachingSkillInputDto], maxItems: MAX_TEACHING_SKILLS, description: 'The whole list; each skill once' })
  @IsArray()
  @ArrayMaxSize(MAX_TEACHING_SKILLS)
  @ValidateNested({ each: true })
  @Type(() => TeachingSkillInputDto)
  skills: TeachingSkillInputDto[];
}

export class LearningSkillInputDto {
  @ApiProperty({ description: 'An active skill of the catalogue' }) @IsMongoId() skillId: string;
  @ApiPropertyOptional({ enum: SKILL_LEVELS, description: 'Absent: starting from nothing' })
  @IsOptional()
  @IsIn(SKILL_LEVELS)
  currentLevel?: SkillLevel;
  @ApiProperty({ enum: SKILL_LEVELS }) @IsIn(SKILL_LEVELS) goalLevel: SkillLevel;
  @ApiProperty({ format: 'date-time' })
  @IsoDateTimeWithin('targetDate', TEN_YEARS_MS, TEN_YEARS_MS, 'within ten years of now')
  targetDate: Date;
}

export class ReplaceLearningDto {
  @ApiProperty({ type: [LearningSkillInputDto], maxItems: MAX_LEARNING_SKILLS, description: 'The whole list; each skill once' })
  @IsArray()
  @ArrayMaxSize(MAX_LEARNING_SKILLS)
  @ValidateNested({ each: true })
  @Type(() => LearningSkillInputDto)
  skills: LearningSkillInputDto[];
}

export class SlotDto {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 = Sunday … 6 = Saturday' }) @IsInt() @Min(0) @Max(6) day: number;
  @ApiProperty({ example: '09:00', description: 'HH:mm, in the availability’s time zone' })
  @Matches(CLOCK, { message: 'start must be a time HH:mm' })
  start: string;
  @ApiProperty({ example: '12:30', description: 'HH:mm after start on the same day; 24:00 for midnight' })
  @Matches(END_CLOCK, { message: 'end must be a time HH:mm (or 24:00)' })
  end: string;
}

export class AvailabilityInputDto {
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone the slots are read in' }) @IsTimeZone() timezone: string;
  @ApiProperty({ type: [SlotDto], maxItems: MAX_SLOTS, description: 'Weekly windows; none may overlap another' })
  @IsArray()
  @ArrayMaxSize(MAX_SLOTS)
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots: SlotDto[];
}
